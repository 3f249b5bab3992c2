import DelveCore
@testable import DelveEval
import DelveFormats
import Foundation
import Testing

/// Suite files: errors name the file, the line and the place in the document.
@Suite struct SuiteFileTests {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("delve-suite-\(UUID().uuidString).json")

    func error(_ text: String) throws -> SuiteLookupError {
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try #require(throws: SuiteLookupError.self) { try SuiteLookup.find(file.path, builtins: []) }
    }

    static let head = "{\"name\": \"x\",\n \"summary\": \"s\",\n \"entries\": [\n  {\"task\": \"grid/goto\", \"seeds\": [1]},\n"

    @Test(arguments: [
        (head + "  {\"task\": \"grid/goto\",\n   \"seeds\": [7, {\"from\": 3, \"count\": 0}]}\n ]}\n", 6, "entries[1].seeds[1].count: count 0 is below 1"),
        (head + "  {\"task\": \"grid/goto\",\n   \"sids\": [1]}\n ]}\n", 5, "missing key 'seeds' in entries[1]"),
        (head + "  {\"task\": \"grid/goto\", \"seeds\": \"many\"}\n ]}\n", 5, "entries[1].seeds"),
        (head + "  {\"task\": \"grid/goto\", \"seeds\": [1 2]}\n ]}\n", 5, "not valid JSON"),
        ("{\"name\": \"x\",\n \"summary\": 5, \"entries\": []}", 2, "summary"),
        ("{\"name\": \"x\", \"summary\": \"a \\\"quoted\\\" {[,\",\n \"entries\": [{\"task\": 1,\n \"seeds\": []}]}", 2, "entries[0].task"),
    ])
    func errorsNameTheFileAndLine(text: String, line: Int, mention: String) throws {
        let error = try error(text)
        #expect(error.description.hasPrefix("suite file \(file.path):\(line) is not a suite: "), "\(error)")
        #expect(error.description.contains(mention), "\(error)")
    }

    @Test func locatorFollowsKeysAndIndices() {
        let text = Array("{\"a\": [\n 1,\n {\"b\": \"x,]}\"},\n {\"b\":\n 2}]}".utf8)
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int?
            init(stringValue: String) { self.stringValue = stringValue }
            init(intValue: Int) { self.intValue = intValue; stringValue = "\(intValue)" }
        }
        #expect(JSONLocator.line(of: [Key(stringValue: "a"), Key(intValue: 2), Key(stringValue: "b")], in: text) == 5)
        #expect(JSONLocator.line(of: [Key(stringValue: "a"), Key(intValue: 1)], in: text) == 3)
        #expect(JSONLocator.line(of: [Key(stringValue: "z")], in: text) == nil)
        #expect(JSONLocator.line(of: [], in: text) == 1)
    }
}
