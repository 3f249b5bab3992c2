import DelveCore
@testable import DelveEval
import DelveSuites
import Foundation
import Testing

/// Suite files in YAML: the JSON fields, seed ranges and budgets; errors name the file and line.
@Suite struct YAMLSuiteTests {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("delve-suite-\(UUID().uuidString).yaml")

    func load(_ text: String) throws -> Suite {
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try SuiteLookup.find(file.path, builtins: [])
    }

    func error(_ text: String) throws -> SuiteLookupError {
        try #require(throws: SuiteLookupError.self) { try load(text) }
    }

    static let head = "# a comment\nname: x\nsummary: s\nentries:\n  - task: grid/goto\n    seeds: [1]\n"

    @Test func rangesBudgetsAndOptionsReadAsInJSON() throws {
        let suite = try load(Self.head + """
              - task: grid/open
                seeds: [7, {from: 10, count: 2}]
                step_budget: 4
                options: {room_size: 6}

            """)
        #expect(suite.name == "x" && suite.entries.count == 2)
        #expect(suite.entries[1].seeds == [7, 10, 11] && suite.entries[1].stepBudget == 4)
        #expect(suite.entries[1].options == ["room_size": .int(6)])
    }

    @Test func aJSONSuiteIsAYAMLSuiteToo() throws {
        let json = "{\"name\": \"x\", \"summary\": \"s\", \"entries\": [{\"task\": \"grid/goto\", \"seeds\": {\"from\": 3, \"count\": 2}}]}"
        #expect(try load(json).entries[0].seeds == [3, 4])
    }

    @Test(arguments: [
        (head + "  - task: grid/goto\n    seeds:\n      from: 3\n      count: 0\n", 10, "entries[1].seeds.count: count 0 is below 1"),
        (head + "  - task: grid/open\n  - task: grid/goto\n    seeds: [2]\n", 7, "missing key 'seeds' in entries[1]"),
        (head + "  - task: grid/open\n    seeds: many\n", 8, "entries[1].seeds"),
        (head + "  - task: grid/open\n    seeds: [1, 2\n", 9, "YAML: "),
        ("name: x\nsummary: [1]\nentries: []\n", 2, "summary"),
    ])
    func errorsNameTheFileAndLine(text: String, line: Int, mention: String) throws {
        let error = try error(text)
        #expect(error.description.hasPrefix("suite file \(file.path):\(line) is not a suite: "), "\(error)")
        #expect(error.description.contains(mention), "\(error)")
    }
}
