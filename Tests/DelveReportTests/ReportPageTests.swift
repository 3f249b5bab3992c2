import DelveCore
import DelveEval
@testable import DelveReport
import DelveFormats
import Foundation
import Testing
import WorldCatalog

@Suite struct ReportPageTests {
    let fixture = RecordedGridRun()

    @Test func pageIsSelfContainedAndByteIdenticalForTheSameRun() async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let run = try await fixture.make()
        let builder = ReportBuilder(catalog: Catalog.standard, stepsPerTask: 2)
        let page = try ReportPage.html(builder.data([run]))
        #expect(page == (try ReportPage.html(builder.data([run]))))
        #expect(page.components(separatedBy: "<script type=\"application/json\"").count == 2)
        // The SVG namespace is a name, not an address: nothing else may point outside.
        let outside = page.replacingOccurrences(of: "\"http://www.w3.org/2000/svg\"", with: "")
        for external in ["<script src", "<link", "http:", "https:", "@import", "url("] {
            #expect(!outside.contains(external), "\(external)")
        }
        let data = builder.data([run])
        #expect(data.runs[0].episodes.map { $0.framesDeflate != nil } == [true, true, false])
        #expect(data.runs[0].episodes[2].trajectory == "not_embedded")
    }

    @Test func aRunWithoutTrajectoriesSaysSo() async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let run = try await fixture.make(trajectories: false)
        let episodes = ReportBuilder(catalog: Catalog.standard).data([run]).runs[0].episodes
        #expect(episodes.allSatisfy { $0.trajectory == "not_recorded" && $0.framesDeflate == nil })
        #expect(episodes[0].note == "no trajectory: the run was made with --no-trajectories")
    }

    @Test func milestonesGoByKindOnlyWhereTheyDependOnTheSeed() async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let builder = ReportBuilder(catalog: Catalog.standard, stepsPerTask: 0)
        let text = try await fixture.make(id: "text", task: "text/cooking", trajectories: false)
        #expect(builder.data([text]).runs[0].milestonesByKind == ["text/cooking"], "each recipe has its own ingredients")
        let grid = try await fixture.make(id: "grid", trajectories: false)
        #expect(builder.data([grid]).runs[0].milestonesByKind.isEmpty)
        // Its subgoals differ in number only: subgoal_1, subgoal_2… keep their own curves.
        let boss = try await fixture.make(id: "boss", task: "grid/boss", trajectories: false)
        #expect(builder.data([boss]).runs[0].milestonesByKind.isEmpty)
    }

    @Test func aStepKeepsItsPromptAndRawAnswer() throws {
        let observation = Observation(text: "a wall", status: "", mission: "", legalActions: [], feedback: "")
        let step = TrajectoryStep(step: 1, action: "go", reasoning: nil, valid: true, reward: 0, progress: 0, milestones: [],
                                  observation: observation, latency: 0, endReason: nil,
                                  raw: "<|ACTION|>go<|END|>", prompt: "[{\"role\": \"user\", \"content\": \"a wall\"}]")
        let frame = ReplayFrame(recorded: step)
        #expect(frame.raw == "<|ACTION|>go<|END|>" && frame.prompt == step.prompt)
        let json = String(decoding: try JSONEncoder().encode(frame), as: UTF8.self)
        #expect(json.contains("\"raw\":") && json.contains("\"prompt\":"))
    }

    @Test func jsonCannotCloseItsScriptElement() throws {
        let json = "</script><!--"
        let escaped = Escaping.scriptData(json: "\"\(json)\"")
        #expect(!escaped.contains("<"))
        let decoded = try JSONDecoder().decode(String.self, from: Data(escaped.utf8))
        #expect(decoded == json)
    }

    /// The label comes from run.json (the run id and the agent command): the
    /// head and the heading show it as text, and it opens no element.
    @Test func aCraftedAgentCommandInTheLabelStaysText() async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let run = try await fixture.make()
        var data = ReportBuilder(catalog: Catalog.standard, stepsPerTask: 1).data([run])
        data.runs[0].label = #"r (python3 a.py '"><script>document.title="PWNED"</script><img src=x onerror=alert(1)>')"#
        let page = try ReportPage.html(data)
        let head = try #require(page.components(separatedBy: "</head>").first)
        #expect(!head.contains("<script") && !head.contains("<img") && !head.contains("content=\"Delve"), "\(head.suffix(400))")
        #expect(head.contains(#"<title>Delve report: r (python3 a.py '"&gt;&lt;script&gt;document.title="PWNED"&lt;/script&gt;"#))
        #expect(page.components(separatedBy: "<script").count == 3, "the data block and the page's script only")
        #expect(page.components(separatedBy: "<img").count == 1)
    }
}

@Suite struct ReplayTextTests {
    let fixture = RecordedGridRun()

    /// The fixture run's first episode, replayed.
    private func firstReplay() async throws -> EpisodeReplay {
        let run = try await fixture.make()
        let record = try #require(run.records.first)
        return EpisodeReplay(record: record, run: run.url, info: run.info, catalog: Catalog.standard)
    }

    @Test func agentTextCannotActOnTheTerminal() async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        var replay = try await firstReplay()
        replay.frames[1].action = "\u{1B}]0;pwned\u{07}\u{1B}[2Jforward"
        replay.frames[1].reasoning = "\u{9B}31mred\rover"
        for color in [false, true] {
            let screen = ReplayText(color: color).frame(replay, at: 1)
            #expect(screen.contains("^[]0;pwned^G^[[2Jforward"), "\(screen)")
            #expect(screen.contains("<U+009B>31mred^Mover"))
            #expect(!screen.contains("\u{07}") && !screen.contains("\u{9B}") && !screen.contains("\r"))
            #expect(!screen.contains("\u{1B}]") && !screen.contains("\u{1B}[2J"))
        }
    }

    @Test func theReplayMapStoresRunsOfCells() throws {
        let map = CellMap(rows: [[MapCell("#", ink: 245), MapCell("#", ink: 245), MapCell(" ."), MapCell("@", ink: 15, paper: 4, emphasis: [.bold, .underline])]],
                          footer: ["status"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(ReplayMap(map)), as: UTF8.self)
        #expect(json == ###"{"footer":["status"],"rows":[[["##",245,null,0]," .",["@",15,4,3]]]}"###)
    }

    @Test func replayTextWritesTheMapInColorOrPlain() async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let replay = try await firstReplay()
        let map = try #require(replay.frames[0].map?.cells)
        let plain = ReplayText(color: false).frame(replay, at: 0)
        #expect(plain.contains(map.plainText) && !plain.contains("\u{1B}"))
        let colored = ReplayText(color: true).frame(replay, at: 0)
        #expect(colored.contains("\u{1B}[38;5;245;48;5;240m" + String(repeating: "#", count: 2 * map.rows[0].count) + "\u{1B}[0m"),
                "the top wall: one run")
    }

    @Test func keysFromTerminalBytes() {
        #expect(ReplayKey([0x1B]) == .incomplete)
        #expect(ReplayKey([0x1B, 0x5B]) == .incomplete)
        #expect(ReplayKey([0x1B, 0x5B, 0x43]) == .next)
        #expect(ReplayKey([0x1B, 0x5B, 0x44]) == .previous)
        #expect(ReplayKey(Array("l".utf8)) == .next)
        #expect(ReplayKey(Array("h".utf8)) == .previous)
        #expect(ReplayKey(Array("q".utf8)) == .quit)
        #expect(ReplayKey(Array("x".utf8)) == .other)
    }
}
