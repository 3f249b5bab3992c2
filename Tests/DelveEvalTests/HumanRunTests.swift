import DelveAgents
import DelveCore
@testable import DelveEval
import DelveSuites
import Foundation
import Testing

/// A person's run directory, filled an episode at a time as `delve play --record` does.
@Suite struct HumanRunTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("delve-human-\(UUID().uuidString)")
    let suite = Suite(name: "lines", summary: "", entries: [SuiteEntry(task: "line/walk", seeds: [4, 5, 6])])

    /// The episode played as a person who knows the way would.
    func played(_ episode: PlannedEpisode) async throws -> EpisodeOutcome {
        try await EpisodeRunner().play(episode, agent: ExpertAgent())
    }

    func open(_ url: URL, player: String = "alice") throws -> HumanRun {
        try HumanRun(at: url, suite: suite, player: player, catalog: LineWorld.catalog, builtins: [])
    }

    @Test func aSuiteIsPlayedInOrderResumedAndReadAsAnyRun() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("alice")
        var run = try open(url)
        let first = try #require(try run.nextEpisode())
        #expect(first.seed == 4)
        #expect(!FileManager.default.fileExists(atPath: url.path), "made at the first episode recorded")
        try run.append(try await played(first))
        #expect(run.recorded == 1 && run.planned == 3)

        var again = try open(url)
        let second = try #require(try again.nextEpisode())
        #expect(second.seed == 5, "a new session resumes at the first unrecorded episode")
        try again.append(try await played(second))
        try again.append(try await played(try #require(try again.nextEpisode())))
        #expect(try again.nextEpisode() == nil)

        let stored = try StoredRun(at: url)
        #expect(stored.info.agent == "human:alice")
        #expect(stored.info.jobs == 1 && stored.info.trajectories)
        #expect(stored.records.map(\.seed) == [4, 5, 6])
        _ = try stored.plan(catalog: LineWorld.catalog, builtins: [])
        let summary = try Summary(runDirectory: url)
        #expect(summary.overall.scores.episodes == 3)
        #expect(summary.overall.scores.successRate == 1)
        #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("trajectories/line/walk/seed-6.jsonl").path))
    }

    @Test func anotherPlayersOrAnotherSuitesRunIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("shared")
        var run = try open(url)
        try run.append(try await played(try #require(try run.nextEpisode())))
        #expect(throws: HumanRunError.otherAgent(path: url.path, agent: "human:alice", wanted: "human:bob")) { try open(url, player: "bob") }
        let other = Suite(name: "lines", summary: "", entries: [SuiteEntry(task: "line/walk", seeds: [7])])
        #expect(throws: HumanRunError.self) {
            try HumanRun(at: url, suite: other, player: "alice", catalog: LineWorld.catalog, builtins: [])
        }
    }

    /// Two sessions on one directory: the second to finish the same episode is told, and nothing is written twice.
    @Test func anEpisodeRecordedMeanwhileIsNotRecordedTwice() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("twice")
        var first = try open(url)
        try first.append(try await played(try #require(try first.nextEpisode())))
        var one = try open(url), two = try open(url)
        let episode = try #require(try one.nextEpisode())
        #expect(try two.nextEpisode()?.seed == episode.seed)
        let outcome = try await played(episode)
        try one.append(outcome)
        #expect(throws: HumanRunError.alreadyRecorded(task: "line/walk", seed: episode.seed)) { try two.append(outcome) }
        #expect(try StoredRun(at: url).records.map(\.seed) == [4, 5])
        #expect(try two.nextEpisode()?.seed == 6, "the session that lost the race goes on to the next episode")
    }

    /// A task alone: seeds from the first one up, each added to run.json's suite as it is recorded.
    @Test func aTaskAloneGrowsItsSuiteSeedBySeed() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("walk")
        func open() throws -> HumanRun {
            try HumanRun(at: url, task: "line/walk", profile: .delve, firstSeed: nil, defaultSeed: 100, player: "alice",
                         catalog: LineWorld.catalog, builtins: [])
        }
        var run = try open()
        try run.append(try await played(try #require(try run.nextEpisode())))
        try run.append(try await played(try #require(try run.nextEpisode())))
        var later = try open()
        #expect(try later.nextEpisode()?.seed == 102)
        let stored = try StoredRun(at: url)
        #expect(stored.info.suite.entries.map(\.seeds) == [[100, 101]])
        #expect(stored.info.episodes == 2)
        _ = try stored.plan(catalog: LineWorld.catalog, builtins: [])
        #expect(try Summary(runDirectory: url).overall.scores.episodes == 2)
    }
}
