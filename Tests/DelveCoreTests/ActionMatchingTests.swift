import DelveCore
import Foundation
import Testing

/// `ActionMatching.exact` and BALROG's notice for a substituted default action.
@Suite struct ActionMatchingTests {
    func env(_ matching: ActionMatching, policy: InvalidActionPolicy, profile: Profile = .delve) throws -> Env {
        var env = Env(task: CounterWorld.task())
        env.actionMatching = matching
        env.invalidActionPolicy = policy
        _ = try env.reset(seed: 1, options: WorldOptions(["goal": .int(5)], profile: profile))
        return env
    }

    @Test func forgivingMatchingTakesASynonymAndExactDoesNot() throws {
        var forgiving = try env(.forgiving, policy: .noop)
        #expect(try forgiving.step("FWD").valid)
        var exact = try env(.exact, policy: .noop)
        let step = try exact.step("FWD")
        #expect(!step.valid && step.progress == 0 && exact.invalidActions == 1)
        #expect(step.observation.feedback.contains("\"FWD\" is not one of this task's actions"))
        #expect(try exact.step("forward").valid)
    }

    @Test func exactMatchingWithTheDefaultPolicyPlaysTheDefaultAction() throws {
        var env = try env(.exact, policy: .default)
        let step = try env.step(" forward")
        #expect(!step.valid && step.executed == "forward" && step.progress == 20)
        // The delve profile says so on the feedback line, the text untouched.
        #expect(step.observation.feedback.contains("Played \"forward\" instead"))
        #expect(step.observation.text == "A corridor of 5 tiles.")
    }

    @Test func theBalrogProfileTellsTheModelInTheObservationText() throws {
        var env = try env(.exact, policy: .default, profile: .balrog)
        #expect(env.profile == .balrog)
        let step = try env.step("I think I should go forward")
        #expect(step.executed == "forward")
        #expect(step.observation.text == Env.substitutionNotice("forward") + "A corridor of 5 tiles.")
        #expect(step.observation.text.hasPrefix("Your last answer held no valid action, so the default action was played instead: forward."))
        let valid = try env.step("forward")
        #expect(valid.valid && valid.observation.text == "A corridor of 5 tiles.")
    }

    @Test func aWorldWithoutAVocabularyTakesEveryAnswerAsTyped() throws {
        struct Parser: World {
            var base = CounterWorld()
            var taskID: String { base.taskID }
            var revision: Int { 1 }
            var observation: Observation { base.observation }
            var legalActions: [String] { base.legalActions }
            var actionVocabulary: [String]? { nil }
            var defaultAction: String { "wait" }
            var instructions: String { "" }
            var milestones: [Milestone] { [] }
            var progress: Double { base.progress }
            var stepBudget: Int { 10 }
            mutating func reset(seed: UInt64, options: WorldOptions) throws(WorldError) -> Observation {
                try base.reset(seed: seed, options: options)
            }
            mutating func step(_ action: String) -> StepResult { base.step(action) }
            var map: CellMap { CellMap() }
            func expertAction() -> String? { nil }
        }
        var env = Env(task: TaskSpec(family: "p", name: "q", summary: "", revision: 1, stepBudget: 10,
                                     options: CounterWorld.options, make: { Parser() }))
        env.actionMatching = .exact
        _ = try env.reset(seed: 1)
        #expect(try env.step("FWD").valid)  // the world's own parser decides
    }

    @Test func theProfileIsNotANamedOption() throws {
        let options = WorldOptions(["goal": .int(2)], profile: .balrog)
        #expect(options.under(.delve).profile == .delve && options.under(.delve).values == options.values)
        try options.validate(against: CounterWorld.options, task: "count/walk")
        let json = String(decoding: try JSONEncoder().encode(options), as: UTF8.self)
        #expect(json == #"{"goal":2}"#)
    }
}
