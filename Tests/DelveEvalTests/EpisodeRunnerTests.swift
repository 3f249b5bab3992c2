import DelveAgents
import DelveCore
import DelveEval
import Synchronization
import Testing
import WorldCatalog

@Suite struct EpisodeRunnerTests {
    let runner = EpisodeRunner()

    @Test func scriptedEpisodeIsRecordedStepByStep() async throws {
        // Seed 1: the goal is 4 cells away.
        let outcome = try await runner.play(episode(seed: 1), agent: ScriptedAgent(["forward", "jump", "forward", "back", "forward", "forward", "forward"]))
        let record = outcome.record
        #expect(record.task == "line/walk" && record.seed == 1 && record.revision == 7)
        #expect(record.endReason == .success && record.success)
        #expect(record.steps == 7)
        #expect(record.invalidActions == 1)
        #expect(record.progress == 100)
        #expect(record.totalReward == 1)
        #expect(record.stepBudget == 10)
        #expect(record.milestones == [MilestoneReach(id: "halfway", step: 3), MilestoneReach(id: "goal", step: 7)])
        // Raw progress falls on "back" at step 4; the curve only rises.
        #expect(record.progressCurve.map(\.step) == [0, 1, 3, 6, 7])
        #expect(record.progressCurve.map(\.progress) == [0, 25, 50, 75, 100])
        #expect(record.promptTokens == 70 && record.completionTokens == 14)
        #expect(record.error == nil)

        #expect(outcome.trajectory.map(\.step) == Array(1...7))
        #expect(outcome.trajectory[1].action == "jump" && !outcome.trajectory[1].valid)
        #expect(outcome.trajectory[3].progress == 50)
        #expect(outcome.trajectory[2].milestones == ["halfway"])
        #expect(outcome.trajectory[0].reasoning == "turn 0")
        #expect(outcome.trajectory.last?.endReason == .success)
        #expect(outcome.trajectory.dropLast().allSatisfy { $0.endReason == nil })
        #expect(outcome.trajectory.last?.observation.text == "The end is 0 cells ahead.")
    }

    @Test func budgetEndsTheEpisode() async throws {
        let outcome = try await runner.play(episode(seed: 0), agent: ScriptedAgent(Array(repeating: "wait", count: 20)))
        #expect(outcome.record.endReason == .budget)
        #expect(outcome.record.steps == 10)
        #expect(outcome.record.progress == 0)
        #expect(!outcome.record.success)
    }

    @Test func suiteBudgetOverridesTheWorlds() async throws {
        var planned = episode(seed: 0)
        planned.stepBudget = 2
        let outcome = try await runner.play(planned, agent: ScriptedAgent(["wait", "wait", "wait"]))
        #expect(outcome.record.endReason == .budget && outcome.record.steps == 2 && outcome.record.stepBudget == 2)
    }

    @Test func agentFailureEndsTheEpisodeAsAgentError() async throws {
        let outcome = try await runner.play(episode(seed: 2), agent: ScriptedAgent(["forward", "forward", "forward"], failAtTurn: 2))
        #expect(outcome.record.endReason == .agentError)
        #expect(outcome.record.steps == 2)
        #expect(outcome.record.progress == 40)
        #expect(outcome.record.error == "at step 3: scripted failure at turn 2")
        #expect(outcome.trajectory.count == 2)
        #expect(outcome.trajectory.allSatisfy { $0.endReason == nil })
    }

    @Test func failureToBeginIsAnAgentErrorBeforeAnyStep() async throws {
        let outcome = try await runner.play(episode(seed: 0), agent: ScriptedAgent(["forward"], failOnBegin: true))
        #expect(outcome.record.endReason == .agentError)
        #expect(outcome.record.steps == 0)
        #expect(outcome.record.error == "beginning the episode: refused to start")
        #expect(outcome.trajectory.isEmpty)
    }

    @Test func worldStateGoesOnlyToAgentsThatAskForIt() async throws {
        struct BlindExpert: Agent {
            let name = "blind"
            var inner = ExpertAgent()
            mutating func act(_ turn: AgentTurn) async throws(AgentFailure) -> AgentReply { try await inner.act(turn) }
        }
        let blind = try await runner.play(episode(seed: 0), agent: BlindExpert())
        #expect(blind.record.endReason == .agentError)
        #expect(blind.record.error?.contains("no world state") == true)
        let seeing = try await runner.play(episode(seed: 0), agent: ExpertAgent())
        #expect(seeing.record.endReason == .success && seeing.record.steps == 3)
    }

    @Test func trajectoriesCanBeSkipped() async throws {
        let outcome = try await EpisodeRunner(recordsTrajectory: false).play(episode(seed: 0), agent: ExpertAgent())
        #expect(outcome.trajectory.isEmpty)
        #expect(outcome.record.steps == 3)
    }

    @Test func theDefaultPolicyRecordsWhatWasPlayedInstead() async throws {
        let runner = EpisodeRunner(invalidActionPolicy: .default)
        let outcome = try await runner.play(episode(seed: 1), agent: ScriptedAgent(["fly", "forward"], failAtTurn: 2))
        #expect(outcome.trajectory[0].action == "fly" && outcome.trajectory[0].executed == "wait" && !outcome.trajectory[0].valid)
        #expect(outcome.trajectory[1].executed == nil && outcome.trajectory[1].valid)
        #expect(outcome.trajectory[0].usage == Usage(promptTokens: 10, completionTokens: 2))
        #expect(outcome.record.invalidActions == 1)
    }

    @Test func anEpisodePastItsTimeLimitEndsAsAnAgentError() async throws {
        /// Answers "wait" at once, then moves the runner's clock just past the deadline it was given.
        struct SlowAgent: Agent {
            let name = "slow"
            let clock: HandClock
            mutating func act(_ turn: AgentTurn) async throws(AgentFailure) -> AgentReply {
                guard let deadline = turn.deadline else { throw AgentFailure("no deadline given") }
                if turn.step > 0 { clock.set(deadline + .milliseconds(10)) }
                return AgentReply(action: "wait")
            }
        }
        let clock = HandClock()
        var runner = EpisodeRunner(episodeTimeout: .milliseconds(500))
        runner.now = clock.now
        let outcome = try await runner.play(episode(seed: 1), agent: SlowAgent(clock: clock))
        #expect(outcome.record.endReason == .agentError)
        #expect(outcome.record.steps == 1, "the second answer came after the limit and was not played")
        #expect(outcome.record.error == "at step 2: the episode ran out of time (--episode-timeout 0.5 s)")
        #expect(outcome.trajectory.map(\.latency) == [0], "latencies come from the runner's clock, which stood still")
    }

    @Test func optionsReachTheWorld() async throws {
        let outcome = try await runner.play(episode(seed: 0, options: ["length": .int(2)]), agent: ExpertAgent())
        #expect(outcome.record.steps == 5)
    }

    /// Tasks with an ending the expert reaches; craft and the dungeon's full game are open-ended.
    static let solvableTasks = Catalog.standard.tasks.filter { $0.family != "craft" && $0.id != "dungeon/descend" }.map(\.id)

    @Test(arguments: solvableTasks)
    func expertSolvesEveryCatalogTask(task: String) async throws {
        let spec = try Catalog.standard.task(task)
        for seed in Catalog.firstEvalSeed..<(Catalog.firstEvalSeed + 3) {
            let outcome = try await runner.play(episode(spec, seed: seed), agent: ExpertAgent())
            #expect(outcome.record.endReason == .success, "\(task) seed \(seed): \(outcome.record.error ?? "")")
            #expect(outcome.record.progress == 100)
            #expect(outcome.record.invalidActions == 0)
            #expect(outcome.trajectory.count == outcome.record.steps)
        }
    }

    @Test(arguments: Catalog.standard.tasks.filter { $0.family == "craft" }.map(\.id))
    func expertClimbsTheOpenEndedCraftTasks(task: String) async throws {
        let spec = try Catalog.standard.task(task)
        var planned = episode(spec, seed: Catalog.firstEvalSeed)
        planned.stepBudget = 1_000
        let outcome = try await runner.play(planned, agent: ExpertAgent())
        #expect(outcome.record.progress >= 100 * 8 / 22, "at least 8 of the 22 achievements")
        #expect(outcome.record.invalidActions == 0)
    }

    @Test(arguments: Catalog.standard.tasks.map(\.id))
    func randomPlaysEveryCatalogTaskWithinBudgetAndRepeatably(task: String) async throws {
        let spec = try Catalog.standard.task(task)
        let first = try await runner.play(episode(spec, seed: 42), agent: RandomAgent())
        let again = try await runner.play(episode(spec, seed: 42), agent: RandomAgent())
        let record = first.record
        #expect(record.task == task && record.seed == 42)
        #expect(record.endReason != .agentError, "\(record.error ?? "")")
        #expect(record.steps >= 1 && record.steps <= record.stepBudget)
        #expect((0...100).contains(record.progress))
        #expect(record.invalidActions == 0, "random plays only legal actions")
        #expect(first.trajectory.count == record.steps)
        #expect(record.timeless == again.record.timeless)
        #expect(first.trajectory.map(\.action) == again.trajectory.map(\.action))
    }
}

/// A clock that stands still until it is set.
final class HandClock: Sendable {
    private let time = Mutex(ContinuousClock.now)

    /// The time it was last set to.
    @Sendable func now() -> ContinuousClock.Instant { time.withLock { $0 } }

    /// Moves the clock to `instant`.
    func set(_ instant: ContinuousClock.Instant) { time.withLock { $0 = instant } }
}
