import DelveCore
import DelveFormats
import DelveSuites
import Foundation

/// Why `--suite` named nothing usable.
public enum SuiteLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Neither a built-in suite nor a file.
    case unknown(String, valid: [String])
    /// A file that is not a suite; `line` is where the problem is, when known.
    case unreadable(path: String, line: Int?, reason: String)

    /// One line naming the problem and the valid choices.
    public var description: String {
        switch self {
        case let .unknown(name, valid):
            return "unknown suite '\(name)'; valid suites: \(valid.joined(separator: ", ")), or the path of a suite file (JSON or YAML)"
        case let .unreadable(path, line, reason):
            return "suite file \(path)\(line.map { ":\($0)" } ?? "") is not a suite: \(reason)"
        }
    }
}

/// Finds the suite `delve eval --suite` names.
public enum SuiteLookup {
    /// The built-in suite called `name`, else the suite in the file at that
    /// path: YAML when it ends in `.yaml` or `.yml`, else JSON
    /// (`{"name": ..., "summary": ..., "entries": [{"task": ..., "seeds": [...]}]}`).
    public static func find(_ name: String, builtins: [Suite]) throws(SuiteLookupError) -> Suite {
        if let suite = builtins.first(where: { $0.name == name }) { return suite }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .unknown(name, valid: builtins.map(\.name))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: name))
        } catch {
            throw .unreadable(path: name, line: nil, reason: RunDirectory.reason(error))
        }
        if YAMLSuite.isYAML(name) {
            guard let text = String(data: data, encoding: .utf8) else {
                throw .unreadable(path: name, line: nil, reason: "not UTF-8 text")
            }
            return try YAMLSuite.decode(text, path: name)
        }
        do {
            return try JSONDecoder().decode(Suite.self, from: data)
        } catch let error as DecodingError {
            throw .unreadable(path: name, line: Self.line(of: error, in: data), reason: DecodingExplanation(error).text)
        } catch {
            throw .unreadable(path: name, line: nil, reason: String(describing: error))
        }
    }

    /// The line of `data` that `error` is about: where the value it names
    /// starts, or for a syntax error the line JSONSerialization reports.
    private static func line(of error: DecodingError, in data: Data) -> Int? {
        guard let context = error.context else { return nil }
        if context.codingPath.isEmpty, case .dataCorrupted = error { return syntaxLine(data) }
        return JSONLocator.line(of: context.codingPath, in: Array(data))
    }

    /// The line of a syntax error in `data`: JSONSerialization names the
    /// character it stopped at ("… around character N.").
    private static func syntaxLine(_ data: Data) -> Int? {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return nil
        } catch {
            let message = String(describing: error)
            guard let range = message.range(of: "character "),
                  let offset = Int(message[range.upperBound...].prefix(while: \.isNumber)) else { return nil }
            return data.prefix(offset).count(where: { $0 == UInt8(ascii: "\n") }) + 1
        }
    }
}
