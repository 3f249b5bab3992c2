import Foundation
import Testing

/// The report's leaderboard, grouped milestone plots and the prompt and raw answer of each step, checked in headless Chromium.
@Suite(.serialized) struct ReportLeaderboardEndToEndTests {
    /// Three of BALROG's environments, a few episodes each.
    static let suite = """
        name: mini-balrog
        summary: Three BALROG environments, small.
        entries:
          - {task: grid/goto, seeds: {from: 1000000, count: 3}, group: babyai}
          - {task: text/cooking, seeds: {from: 20000, count: 6}, group: textworld}
          - {task: rules/goto_win, seeds: {from: 1000000, count: 2}, group: babaisai}
        """

    /// Where screenshots go: DELVE_REPORT_SCREENSHOTS when set (docs/img is made from them), else `dir`.
    static func shots(_ dir: URL) -> URL {
        ProcessInfo.processInfo.environment["DELVE_REPORT_SCREENSHOTS"].map { URL(fileURLWithPath: $0) } ?? dir
    }

    /// The markup from `start` to the next `end` after it.
    static func slice(_ html: String, from start: String, to end: String) -> String? {
        guard let from = html.range(of: start), let to = html[from.upperBound...].range(of: end) else { return nil }
        return String(html[from.lowerBound..<to.lowerBound])
    }

    /// The opening tag of the `<figure>` that holds the plot `plot`.
    static func figureTag(_ html: String, plot: String) -> String? {
        guard let at = html.range(of: "data-plot=\"\(plot)\""), let open = html[..<at.lowerBound].range(of: "<figure", options: .backwards),
              let close = html[open.upperBound...].firstIndex(of: ">") else { return nil }
        return String(html[open.lowerBound..<close])
    }

    @Test(.enabled(if: HeadlessChromium.isInstalled, "chromium is not installed (.ci/run installs it)"))
    func leaderboardHasRunsAsColumnsAndGroupsAsRowsAndTextMilestonesByKind() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.suite.write(to: dir.appendingPathComponent("mini.yaml"), atomically: true, encoding: .utf8)
        for agent in ["random", "expert"] {
            let run = try DelveBinary.run(["eval", "--suite", "mini.yaml", "--agent", agent, "--run-id", agent], directory: dir)
            try #require(run.status == 0, "\(run.stderr)")
        }
        let made = try DelveBinary.run(["report", "runs/random", "runs/expert", "--out", "report.html"], directory: dir)
        try #require(made.status == 0, "\(made.stderr)")
        let page = dir.appendingPathComponent("report.html")
        let opened = try HeadlessChromium.dom(page, scratch: dir)
        let dom = PageDOM(html: opened.stdout)
        #expect(dom.bodyAttribute("data-errors") == "0", "\(dom.bodyAttribute("data-error-text") ?? "")")

        let board = try #require(Self.slice(dom.html, from: "<table class=\"board\" id=\"leaderboard-table\">", to: "</table>"))
        let head = try #require(Self.slice(board, from: "<thead>", to: "</thead>"))
        #expect(head.contains("<th data-run=\"0\" title=\"random (random)\">") && head.contains("random (random)") && head.contains("<th data-run=\"1\" title=\"expert (expert)\">")
            && head.contains("expert (expert)"), "one column per run: \(head)")
        let rowKeys = board.components(separatedBy: "<tr data-row=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(rowKeys == ["group:babyai", "group:textworld", "group:babaisai", "overall"], "\(rowKeys)")
        for (run, name) in ["random", "expert"].enumerated() {
            let summary = try JSONFiles.object(dir.appendingPathComponent("runs/\(name)/summary.json"))
            var expected: [(String, [String: Any])] = try #require(summary["groups"] as? [[String: Any]]).map { group in
                ("group:\(group["group"] as? String ?? "")", group)
            }
            expected.append(("overall", try #require(summary["overall"] as? [String: Any])))
            for (key, scores) in expected {
                let row = try #require(Self.slice(board, from: "<tr data-row=\"\(key)\"", to: "</tr>"))
                let cells = row.components(separatedBy: "<td data-run=\"").dropFirst()
                #expect(cells.count == 2, "\(key): \(row)")
                let cell = try #require(cells.first { $0.hasPrefix("\(run)\"") })
                let mean = try #require(scores["progress_mean"] as? Double)
                let ci = try #require(scores["progress_ci"] as? [String: Double])
                #expect(cell.contains("data-board=\"progress_mean\">\(String(format: "%.1f", mean))<"), "\(key) of \(name): \(cell)")
                #expect(cell.contains(String(format: "[%.1f, %.1f]", ci["low"] ?? -1, ci["high"] ?? -1)), "\(key) of \(name): \(cell)")
            }
        }
        #expect(dom.html.contains("data-plot=\"leaderboard\""))
        #expect(!board.contains("data-row=\"tokens\"") && !dom.html.contains("data-key=\"prompt_tokens\""),
                "built-in agents report no tokens: no token rows or columns")

        // Text milestones differ per seed: one curve per kind (and run), not per milestone id.
        var ids = Set<String>()
        for name in ["random", "expert"] {
            for record in try JSONFiles.lines(dir.appendingPathComponent("runs/\(name)/episodes.jsonl"))
            where record["task"] as? String == "text/cooking" {
                for milestone in record["milestones"] as? [[String: Any]] ?? [] { ids.insert(milestone["id"] as? String ?? "") }
            }
        }
        let kinds = Set(ids.map { String($0.prefix { $0 != "_" }) })
        #expect(kinds.isSuperset(of: ["take", "prepare", "eat"]) && ids.count > kinds.count, "\(ids)")
        let cooking = try #require(Self.figureTag(dom.html, plot: "milestones:text/cooking"))
        #expect(PageDOM.attribute("data-milestones", in: cooking) == "kind", "\(cooking)")
        #expect(PageDOM.attribute("data-legend-size", in: cooking) == String(kinds.count + 2), "each kind, then each run: \(cooking) for \(kinds)")
        let goto = try #require(Self.figureTag(dom.html, plot: "milestones:grid/goto"))
        #expect(PageDOM.attribute("data-milestones", in: goto) == "id", "grid's milestones are the same on every seed: \(goto)")

        for (width, height) in [(1366, 900), (1920, 1080), (390, 844)] {
            let png = Self.shots(dir).appendingPathComponent("report-leaderboard-\(width).png")
            let shot = try HeadlessChromium.screenshot(page, to: png, width: width, height: height, scratch: dir)
            #expect(shot.status == 0, "\(shot.stderr)")
            #expect(try Data(contentsOf: png).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
        // `#only=plots` shows the plots alone (the screenshot of the milestone plots).
        let alone = PageDOM(html: try HeadlessChromium.dom(page, fragment: "only=plots", scratch: dir).stdout)
        #expect(PageDOM.attribute("class", in: alone.html.components(separatedBy: "<body").dropFirst().first ?? "") == "only-section")
        #expect(alone.html.contains("<section id=\"plots\" class=\"shown\">"))
        let plots = Self.shots(dir).appendingPathComponent("report-text-milestones.png")
        #expect(try HeadlessChromium.screenshot(page, fragment: "only=plots", to: plots, width: 1366, height: 1400, scratch: dir).status == 0)
    }

    @Test(.enabled(if: HeadlessChromium.isInstalled, "chromium is not installed (.ci/run installs it)"))
    func theEpisodeBrowserShowsEachStepsPromptAndRawAnswer() throws {
        let dir = try DelveBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The agent answers `fly` with a raw answer holding markup-like text, a chat prompt, tokens and cost.
        let agent = try AgentScripts.faultyAgent(in: dir, "invalid")
        let run = try DelveBinary.run(["eval", "--task", "grid/goto", "--episodes", "1", "--agent", agent, "--run-id", "llm"],
                                      directory: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let made = try DelveBinary.run(["report", "runs/llm", "--out", "llm.html"], directory: dir)
        try #require(made.status == 0, "\(made.stderr)")
        let page = dir.appendingPathComponent("llm.html")
        let opened = try HeadlessChromium.dom(page, fragment: "selftest", scratch: dir)
        let dom = PageDOM(html: opened.stdout)
        #expect(dom.bodyAttribute("data-errors") == "0", "\(dom.bodyAttribute("data-error-text") ?? "")")
        let step = try #require(dom.element(id: "step-now"))
        #expect(PageDOM.attribute("data-step", in: step.attributes) == "3", "\(step)")

        let raw = try #require(Self.slice(dom.html, from: "data-field=\"raw\"", to: "</dd>"))
        #expect(raw.contains(">I would rather &lt;|ACTION|&gt;fly&lt;|END|&gt;"), "the raw answer, as text: \(raw)")
        let trajectory = try JSONFiles.lines(dir.appendingPathComponent("runs/llm/trajectories/grid/goto/seed-1000000.jsonl"))
        let observation = try #require((trajectory[1]["observation"] as? [String: Any])?["text"] as? String)
        let prompt = try #require(Self.slice(dom.html, from: "data-field=\"prompt\"", to: "</dd>"))
        #expect(prompt.contains("<details open=\"\">") && prompt.contains("<div class=\"role\">user</div>"), "\(prompt)")
        let shown = observation.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        #expect(prompt.contains("<pre>\(shown)</pre>"), "step 3's prompt holds the observation after step 2: \(prompt)")

        let board = try #require(Self.slice(dom.html, from: "<table class=\"board\" id=\"leaderboard-table\">", to: "</table>"))
        let tokens = try #require(Self.slice(board, from: "<tr data-row=\"tokens\">", to: "</tr>"))
        let steps = try #require(try JSONFiles.lines(dir.appendingPathComponent("runs/llm/episodes.jsonl")).first?["steps"] as? Int)
        #expect(tokens.contains("\(10 * steps) / \(2 * steps)"), "10 in and 2 out per step: \(tokens)")
        #expect(board.contains("<tr data-row=\"cost\">"))
        #expect(dom.html.contains("data-key=\"prompt_tokens\""), "the summary's token columns appear once tokens were reported")

        for (width, height) in [(1366, 900), (390, 1400)] {
            let png = Self.shots(dir).appendingPathComponent("report-prompt-\(width).png")
            let shot = try HeadlessChromium.screenshot(page, fragment: "selftest", to: png, width: width, height: height, scratch: dir)
            #expect(shot.status == 0, "\(shot.stderr)")
        }
    }
}
