import DelveCore
import DelveFormats
import DelveSuites
import Foundation
import Yams

/// Suite files in YAML (`.yaml`, `.yml`): the same fields as the JSON ones,
/// decoded by Yams, with errors pointed at their line.
enum YAMLSuite {
    /// Whether `path` names a YAML file, by its extension.
    static func isYAML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    /// Decodes the suite in `text`, the contents of the file at `path`.
    static func decode(_ text: String, path: String) throws(SuiteLookupError) -> Suite {
        do {
            return try YAMLDecoder().decode(Suite.self, from: text)
        } catch let error as DecodingError {
            if case let .dataCorrupted(context) = error, let syntax = context.underlyingError as? YamlError {
                throw .unreadable(path: path, line: syntaxLine(syntax), reason: syntaxProblem(syntax))
            }
            throw .unreadable(path: path, line: line(of: error, in: text), reason: DecodingExplanation(error).text)
        } catch let error as YamlError {
            throw .unreadable(path: path, line: syntaxLine(error), reason: syntaxProblem(error))
        } catch {
            throw .unreadable(path: path, line: nil, reason: String(describing: error))
        }
    }

    /// The line of the node `error` is about: the value it names, or the
    /// mapping that lacks a key.
    private static func line(of error: DecodingError, in text: String) -> Int? {
        guard let context = error.context, var node = try? Yams.compose(yaml: text) else { return nil }
        for key in context.codingPath {
            let next: Node?
            if let index = key.intValue {
                next = node.sequence.flatMap { index < $0.count ? $0[index] : nil }
            } else {
                next = node.mapping?[key.stringValue]
            }
            guard let next else { break }
            node = next
        }
        return node.mark?.line
    }

    /// The line a YAML syntax error names.
    private static func syntaxLine(_ error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): mark.line
        default: nil
        }
    }

    /// A YAML syntax error in words, without the echo of the file Yams adds.
    private static func syntaxProblem(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            "YAML: " + [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ", ")
        default: "YAML: \(error)"
        }
    }
}
