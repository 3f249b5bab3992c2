import DelveCore
import DelveEval
import Testing

@Suite struct RunProgressTests {
    let record = EpisodeRecord(task: "grid/goto", seed: 1_000_003, revision: 1, progress: 100, steps: 8, stepBudget: 64,
                               endReason: .success, totalReward: 1, milestones: [], progressCurve: [], invalidActions: 0)

    @Test func barAndLogLine() {
        // 12 of 30 finished, 6 of them in this session, 4,000 steps in 2 s: 2,000 steps/s; 18 left at 1/3 s each: 6 s.
        let progress = RunProgress(finished: 12, total: 30, record: record, meanProgress: 41.25, played: 6, steps: 4_000, seconds: 2)
        #expect(progress.stepsPerSecond == 2_000)
        #expect(progress.secondsLeft == 6)
        #expect(progress.bar == "\r\u{1B}[K[########------------] 12/30 episodes  2000 steps/s  ETA 6s  mean progress 41.2")
        #expect(progress.logLine == "[12/30] grid/goto seed 1000003: success, progress 100.0, 8 steps\n")
        let done = RunProgress(finished: 30, total: 30, record: record, meanProgress: 50, played: 30, steps: 10, seconds: 0)
        #expect(done.bar.hasSuffix("] 30/30 episodes  0 steps/s  ETA 0s  mean progress 50.0\n"))
    }
}
