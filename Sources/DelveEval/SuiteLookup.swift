import DelveCore
import Foundation

/// Why `--suite` named nothing usable.
public enum SuiteLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Neither a built-in suite nor a file.
    case unknown(String, valid: [String])
    /// A file that is not a suite.
    case unreadable(path: String, reason: String)

    /// One line naming the problem and the valid choices.
    public var description: String {
        switch self {
        case let .unknown(name, valid):
            return "unknown suite '\(name)'; valid suites: \(valid.joined(separator: ", ")), or the path of a suite JSON file"
        case let .unreadable(path, reason):
            return "suite file \(path) is not a suite: \(reason)"
        }
    }
}

/// Finds the suite `delve eval --suite` names.
public enum SuiteLookup {
    /// The built-in suite called `name`, else the suite in the JSON file at
    /// that path (`{"name": ..., "summary": ..., "entries": [{"task": ..., "seeds": [...]}]}`).
    public static func find(_ name: String, builtins: [Suite]) throws(SuiteLookupError) -> Suite {
        if let suite = builtins.first(where: { $0.name == name }) { return suite }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .unknown(name, valid: builtins.map(\.name))
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: name))
            return try JSONDecoder().decode(Suite.self, from: data)
        } catch let error as DecodingError {
            throw .unreadable(path: name, reason: DecodingExplanation(error).text)
        } catch {
            throw .unreadable(path: name, reason: String(describing: error))
        }
    }
}
