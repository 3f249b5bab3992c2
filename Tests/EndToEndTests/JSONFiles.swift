import Foundation
import Testing

/// Reading the JSON files a run writes, for assertions.
enum JSONFiles {
    /// The JSON object in the file at `url`.
    static func object(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The JSON value of `text`.
    static func value(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// One object per line of the JSONL file at `url`.
    static func lines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// The bytes of the summary.json in run directory `dir` without its
    /// `timing` object, the only wall-clock part (a merged run has none).
    static func summaryWithoutTiming(_ dir: URL) throws -> String {
        let text = try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8)
        guard let timing = text.range(of: ",\n  \"timing\"") else { return text }
        return text[..<timing.lowerBound] + "\n}\n"
    }

    /// The only run directory under `root`.
    static func onlyRun(in root: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        try #require(names.count == 1, "expected one run directory, found \(names)")
        return root.appendingPathComponent(names[0])
    }
}
