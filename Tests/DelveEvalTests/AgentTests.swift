import DelveAgents
import DelveCore
import Testing

@Suite struct AgentTests {
    let context = EpisodeContext(task: "line/walk", seed: 9, instructions: "", actionSpace: LineWorld.actions, stepBudget: 10)

    func turn(_ actions: [String], world: (any World)? = nil) -> AgentTurn {
        AgentTurn(step: 0, observation: Observation(text: "", status: "", mission: "", legalActions: actions, feedback: ""),
                  reward: 0, progress: 0, world: world)
    }

    func choices(seed: UInt64, task: String = "line/walk", count: Int = 40) async throws -> [String] {
        var agent = RandomAgent()
        var context = context
        context.seed = seed
        context.task = task
        try await agent.beginEpisode(context)
        var picked: [String] = []
        for _ in 0..<count { picked.append(try await agent.act(turn(["a", "b", "c", "d"])).action) }
        return picked
    }

    @Test func randomAgentDependsOnTheEpisodeTaskAndSeedAlone() async throws {
        let first = try await choices(seed: 9)
        #expect(first == (try await choices(seed: 9)))
        #expect(first != (try await choices(seed: 10)))
        #expect(first != (try await choices(seed: 9, task: "line/other")))
        #expect(Set(first) == ["a", "b", "c", "d"])
    }

    @Test func randomAgentFollowsItsDocumentedStream() async throws {
        var label = StableHash()
        label.combine("line/walk")
        var random = SeededRandom.derived(seed: 9, stream: RandomAgent.stream ^ label.value)
        let expected = (0..<40).map { _ in ["a", "b", "c", "d"][random.below(4)] }
        #expect(try await choices(seed: 9) == expected)
    }

    @Test func randomAgentFailsWithoutLegalActions() async throws {
        var agent = RandomAgent()
        await #expect(throws: AgentFailure.self) { try await agent.act(turn([])) }
    }

    @Test func expertPlaysTheOracleAndFailsClearlyWithoutOne() async throws {
        var agent = ExpertAgent()
        #expect(agent.usesWorldState)
        var world = LineWorld()
        _ = try world.reset(seed: 0, options: .defaults)
        #expect(try await agent.act(turn(LineWorld.actions, world: world)).action == "forward")

        world.position = world.goal
        do {
            _ = try await agent.act(turn(LineWorld.actions, world: world))
            Issue.record("expected a failure")
        } catch {
            #expect(error.description.contains("oracle has no action"))
            #expect(error.description.contains("line/walk"))
        }
    }

    @Test func builtinNamesMakeTheirAgents() {
        #expect(BuiltinAgent.names == ["random", "expert"])
        #expect(BuiltinAgent.random.make().name == "random")
        #expect(BuiltinAgent.expert.make().usesWorldState)
    }
}
