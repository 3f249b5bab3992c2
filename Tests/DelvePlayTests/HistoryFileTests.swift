import DelvePlay
import Foundation
import Testing

private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("delve-history-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func contents(_ url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8)
}

@Suite struct HistoryFileTests {
    @Test func theDefaultPlaceFollowsXDG() {
        #expect(HistoryFile.defaultURL(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/me"])?.path == "/data/delve/history")
        #expect(HistoryFile.defaultURL(environment: ["HOME": "/home/me"])?.path == "/home/me/.local/share/delve/history")
        #expect(HistoryFile.defaultURL(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/me"])?.path
            == "/home/me/.local/share/delve/history")
        #expect(HistoryFile.defaultURL(environment: [:]) == nil)
    }

    @Test func linesAreWrittenUnderXDGDataHomeWithoutConsecutiveRepeats() throws {
        let data = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let url = try #require(HistoryFile.defaultURL(environment: ["XDG_DATA_HOME": data.path]))
        var history = HistoryFile(url: url)
        #expect(try history.record("go forward"))
        #expect(try !history.record("go forward"))
        #expect(try !history.record(""))
        #expect(try history.record("turn left"))
        #expect(try history.record("go forward"))
        #expect(try contents(data.appendingPathComponent("delve/history")) == "go forward\nturn left\ngo forward\n")
        #expect(HistoryFile(url: url).entries == ["go forward", "turn left", "go forward"])
    }

    @Test func theFileKeepsOnlyTheNewestLines() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("history")
        var history = HistoryFile(url: url, capacity: 3)
        for line in ["a", "b", "c", "d", "e"] { try history.record(line) }
        #expect(history.entries == ["c", "d", "e"])
        #expect(try contents(url) == "c\nd\ne\n")
        var again = HistoryFile(url: url, capacity: 2)
        #expect(again.entries == ["d", "e"])
        #expect(try !again.record("e"))
        try again.record("f")
        #expect(try contents(url) == "e\nf\n")
    }

    @Test func anUnwritablePlaceIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        var history = HistoryFile(url: blocker.appendingPathComponent("delve/history"))
        #expect(throws: (any Error).self) { try history.record("go forward") }
    }
}
