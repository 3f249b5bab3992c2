import DelveCore
import GridWorld

/// Every world family Delve ships, and its built-in suites.
public enum Catalog {
    /// The registry of families and tasks, in listing order.
    public static let standard = TaskCatalog(families: [GridFamily.spec])

    /// The built-in suites, by name.
    public static let suites: [Suite] = [BuiltinSuites.smoke]

    /// The built-in suite with this name, if any.
    public static func suite(named name: String) -> Suite? {
        suites.first { $0.name == name }
    }
}
