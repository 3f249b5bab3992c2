import DelveCore
@testable import DelvePlay
import Testing
import WorldCatalog

/// A recorder that keeps what it is given and hands out a fixed list of episodes.
private struct KeptRecords: PlayRecorder {
    var episodes: [PlayEpisode]
    var records: [EpisodeRecord] = []
    var trajectories: [[TrajectoryStep]] = []
    var location: String { "/runs/human" }

    mutating func nextEpisode() throws -> PlayEpisode? {
        episodes.first { episode in !records.contains { $0.task == episode.task.id && $0.seed == episode.seed } }
    }

    mutating func record(_ record: EpisodeRecord, trajectory: [TrajectoryStep]) throws -> String {
        records.append(record)
        trajectories.append(trajectory)
        return "\(records.count) of \(episodes.count) episodes recorded"
    }
}

@Suite struct RecordingTests {
    @Test func aFinishedEpisodeIsRecordedWithItsStepsAndTheNextOneFollows() throws {
        let task = try Catalog.standard.task("grid/goto")
        let recorder = KeptRecords(episodes: [PlayEpisode(task: task, seed: 5), PlayEpisode(task: task, seed: 6)])
        var play = try #require(try PlaySession(recorder: recorder, screen: .plain, mode: .keys))
        #expect(play.env.seed == 5)
        #expect(play.handle(":undo").text.hasPrefix("Not while recording"))
        #expect(play.handle("dance").text.hasSuffix("(No step used.)\n"))
        var last = ""
        while play.env.endReason == nil, let action = play.env.world.expertAction() {
            last = play.handle(action).text
        }
        #expect(last.contains("1 of 2 episodes recorded, in /runs/human.\nPress Enter (or any key) for the next episode"))
        #expect(!last.contains(":undo to step back"), "a recorded episode is not taken back")
        let kept = try #require(play.recorder as? KeptRecords)
        let record = try #require(kept.records.first)
        #expect(record.task == "grid/goto" && record.seed == 5 && record.endReason == .success)
        #expect(record.steps == play.env.steps && record.invalidActions == 0)
        #expect(kept.trajectories.first?.count == record.steps)
        #expect(kept.trajectories.first?.last?.endReason == .success)
        #expect(play.handle(":restart").text.hasPrefix("Not while recording"))

        let next = play.handle(key: .character("w"))
        #expect(next.text.contains("Next episode: grid/goto seed 6."))
        #expect(play.env.seed == 6 && play.env.steps == 0)
        while play.env.endReason == nil, let action = play.env.world.expertAction() { _ = play.handle(action) }
        let done = play.handle("")
        #expect(done.quits)
        #expect(done.text == "Every episode of the run is recorded, in /runs/human. Bye.\n")
    }

    /// A suite that mixes a parser game with a keyed world: typed for the one, single keys again for the next.
    @Test func eachEpisodeStartsInTheModeThePlayerChoseWhereItsWorldHasKeys() throws {
        let text = try Catalog.standard.task("text/cooking"), grid = try Catalog.standard.task("grid/goto")
        let recorder = KeptRecords(episodes: [PlayEpisode(task: text, seed: 3), PlayEpisode(task: grid, seed: 5)])
        var play = try #require(try PlaySession(recorder: recorder, screen: .plain, mode: .keys))
        #expect(play.mode == .typed)
        while play.env.endReason == nil, let action = play.env.world.expertAction() { _ = play.handle(action) }
        _ = play.handle("")
        #expect(play.env.task.id == "grid/goto")
        #expect(play.mode == .keys)
    }

    @Test func aRunWithEveryEpisodeRecordedStartsNothing() throws {
        var recorder = KeptRecords(episodes: [])
        #expect(try recorder.nextEpisode() == nil)
        #expect(try PlaySession(recorder: recorder, screen: .plain) == nil)
    }
}
