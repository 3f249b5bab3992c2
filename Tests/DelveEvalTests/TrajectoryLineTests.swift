import DelveAgents
import DelveCore
@testable import DelveEval
import DelveFormats
import Foundation
import Testing
import WorldCatalog

/// The hand-written trajectory line is byte for byte what JSONEncoder writes.
@Suite struct TrajectoryLineTests {
    func encoded(_ step: TrajectoryStep) throws -> String {
        String(decoding: try JSONFormat.compact().encode(step), as: UTF8.self) + "\n"
    }

    func fast(_ step: TrajectoryStep) -> String {
        var json = JSONOutput()
        return fast(step, &json)
    }

    /// The line `step` adds to `json`, which goes on writing after the lines before.
    func fast(_ step: TrajectoryStep, _ json: inout JSONOutput) -> String {
        let start = json.bytes.count
        TrajectoryLine.append(step, to: &json)
        return String(decoding: json.bytes[start...], as: UTF8.self)
    }

    @Test func realEpisodesMatchJSONEncoder() async throws {
        for task in Catalog.standard.tasks {
            for agent in [BuiltinAgent.random, .expert] {
                let episode = PlannedEpisode(index: 0, task: task, seed: 1_000_000)
                let outcome = try await EpisodeRunner().play(episode, agent: agent.make())
                var json = JSONOutput()
                for step in outcome.trajectory { #expect(fast(step, &json) == (try encoded(step))) }
            }
        }
    }

    @Test(arguments: [0.0, -0.0, 1, -3, 0.1, 1.0 / 3, 100.0 / 3, 1e-7, 2.5e-05, 1.3229000000000002e-05, 1e15, 1e16, 1e20,
                      123_456_789.125, -7.5, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude])
    func numbersMatchJSONEncoder(value: Double) throws {
        let step = TrajectoryStep(step: 3, action: "a", reasoning: nil, valid: false, reward: value, progress: value,
                                  milestones: [], observation: Observation(text: "", status: "", mission: "", legalActions: [],
                                                                           feedback: ""), latency: value, endReason: nil)
        #expect(fast(step) == (try encoded(step)))
    }

    /// Long strings take the writer's eight-bytes-at-a-time path: a byte to
    /// escape at every position of strings of every length up to 40, and
    /// the legal actions and mission changing, or not, from step to step.
    @Test func everyEscapePositionAndRepeatMatchesJSONEncoder() throws {
        var json = JSONOutput()
        for length in 0...40 {
            for position in 0..<max(length, 1) {
                for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "é", "/"] where length > 0 || position == 0 {
                    var text = String(repeating: "abcdefgh", count: 6).prefix(length).map(String.init)
                    if position < text.count { text[position] = special }
                    let line = text.joined()
                    let step = TrajectoryStep(
                        step: length, action: line, reasoning: nil, valid: true, reward: 0, progress: 0, milestones: [],
                        observation: Observation(text: line, status: line, mission: position % 3 == 0 ? "same" : line,
                                                 legalActions: position % 2 == 0 ? ["a", "b"] : [line], feedback: line),
                        latency: 0, endReason: nil)
                    #expect(fast(step, &json) == (try encoded(step)), "\(length) \(position) \(special)")
                }
            }
        }
    }

    @Test func stringsMatchJSONEncoder() throws {
        let tricky = "quote \" back \\ slash / tab \t nl \n cr \r bell \u{07} nul \u{00} us \u{1F} del \u{7F} é 🐉 \u{2028}"
        let step = TrajectoryStep(
            step: 1, action: tricky, reasoning: "why: " + tricky, valid: true, reward: 1, progress: 100,
            milestones: ["goal", tricky],
            observation: Observation(text: tricky, status: "s", mission: "m", legalActions: ["go", tricky], feedback: "f",
                                     map: ["#.#", tricky]),
            latency: 0.25, endReason: .success)
        #expect(fast(step) == (try encoded(step)))
    }

    @Test(arguments: [nil, 0.00021])
    func everyOptionalFieldMatchesJSONEncoder(cost: Double?) throws {
        let step = TrajectoryStep(
            step: 2, action: "go fwd!", reasoning: "the door is ahead", valid: false, reward: 0, progress: 0,
            milestones: [], observation: Observation(text: "t", status: "s", mission: "m", legalActions: ["go forward"], feedback: "f"),
            latency: 1.5, endReason: .budget, executed: "go forward", raw: "Thinking... <|ACTION|>go fwd!<|END|>",
            prompt: "[{\"role\":\"system\",\"content\":\"rules\"}]", usage: Usage(promptTokens: 412, completionTokens: 18, costUSD: cost))
        #expect(fast(step) == (try encoded(step)))
    }
}
