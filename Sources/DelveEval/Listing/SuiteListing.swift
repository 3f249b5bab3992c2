import DelveCore
import DelveFormats
import DelveSuites

/// The suites `delve suites` lists, and one suite as `delve suites show` prints it.
public struct SuiteListing: Sendable {
    /// The suites, in listing order.
    public var suites: [Suite]

    /// A listing of `suites`.
    public init(_ suites: [Suite]) { self.suites = suites }

    /// One line per suite: its name, size and summary, e.g.
    /// `smoke  6 tasks, 30 episodes  A few seeds of every task; …`.
    public var text: String {
        let rows = suites.map { suite in
            (suite.name, "\(Set(suite.entries.map(\.task)).count) tasks, \(suite.episodeCount) episodes", suite.summary)
        }
        let nameWidth = rows.map(\.0.count).max() ?? 0, sizeWidth = rows.map(\.1.count).max() ?? 0
        func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: width - text.count) }
        return rows.map { "\(padded($0.0, nameWidth))  \(padded($0.1, sizeWidth))  \($0.2)\n" }.joined()
    }

    /// `suite` as a suite file: indented JSON with sorted keys, every seed
    /// listed. Saved to a file, `delve eval --suite FILE` plays it.
    public static func json(_ suite: Suite) throws -> String { try JSONFormat.prettyText(suite) }
}
