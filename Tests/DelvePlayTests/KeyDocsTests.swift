import DelveCore
import DelvePlay
import Foundation
import Testing
import WorldCatalog

/// docs/play.md shows each family's key table as the help line does.
@Suite struct KeyDocsTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/play.md")

    @Test(arguments: ["grid/goto", "craft/balrog", "rules/make_win", "dungeon/descend"])
    func everyHelpEntryIsARowOfTheDocs(task: String) throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        let play = try PlaySession(task: Catalog.standard.task(task), seed: 1, screen: .plain, mode: .keys)
        for entry in try #require(play.keyMap).helpEntries {
            let space = try #require(entry.firstIndex(of: " "))
            let row = "| `\(entry[..<space])` | \(entry[entry.index(after: space)...])"
            #expect(text.contains(row), "\(task): docs/play.md lacks the row \(row)")
        }
    }
}
