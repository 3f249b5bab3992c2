import DelveCore

/// The agents built into Delve, by the name `delve eval --agent` takes.
public enum BuiltinAgent: String, Sendable, Hashable, CaseIterable {
    /// `RandomAgent`.
    case random
    /// `ExpertAgent`.
    case expert

    /// A fresh agent of this kind.
    public func make() -> any Agent {
        switch self {
        case .random: return RandomAgent()
        case .expert: return ExpertAgent()
        }
    }

    /// Every name, in listing order.
    public static var names: [String] { allCases.map(\.rawValue) }
}
