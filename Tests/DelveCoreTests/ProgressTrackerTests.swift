import DelveCore
import Testing

@Suite struct ProgressTrackerTests {
    @Test func startsAtZeroWithTheStartPoint() {
        let tracker = ProgressTracker()
        #expect(tracker.progress == 0)
        #expect(tracker.reached.isEmpty)
        #expect(tracker.curve == [ProgressPoint(step: 0, progress: 0)])
    }

    @Test func aLowerRawValueNeverLowersProgress() {
        var tracker = ProgressTracker()
        tracker.record(step: 1, progress: 40, milestones: [])
        tracker.record(step: 2, progress: 10, milestones: [])
        #expect(tracker.progress == 40)
        tracker.record(step: 3, progress: 0, milestones: [])
        #expect(tracker.progress == 40)
        tracker.record(step: 4, progress: 55, milestones: [])
        #expect(tracker.progress == 55)
        #expect(tracker.curve == [ProgressPoint(step: 0, progress: 0), ProgressPoint(step: 1, progress: 40),
                                  ProgressPoint(step: 4, progress: 55)])
    }

    @Test func rawValuesAreClampedToZeroThroughHundred() {
        var tracker = ProgressTracker()
        tracker.record(step: 1, progress: -25, milestones: [])
        #expect(tracker.progress == 0)
        #expect(tracker.curve.count == 1)
        tracker.record(step: 2, progress: 250, milestones: [])
        #expect(tracker.progress == 100)
        #expect(tracker.curve.last == ProgressPoint(step: 2, progress: 100))
        tracker.record(step: 3, progress: .infinity, milestones: [])
        #expect(tracker.progress == 100)
        #expect(tracker.curve.count == 2)
    }

    @Test func aNaNRawValueLeavesProgressAlone() {
        var tracker = ProgressTracker()
        tracker.record(step: 1, progress: .nan, milestones: [])
        #expect(tracker.progress == 0)
        tracker.record(step: 2, progress: 30, milestones: [])
        tracker.record(step: 3, progress: .nan, milestones: [])
        #expect(tracker.progress == 30)
        #expect(tracker.curve.allSatisfy { !$0.progress.isNaN })
    }

    @Test func theCurveGetsAPointOnlyWhenProgressRises() {
        var tracker = ProgressTracker()
        for step in 1...5 { tracker.record(step: step, progress: 20, milestones: []) }
        #expect(tracker.curve == [ProgressPoint(step: 0, progress: 0), ProgressPoint(step: 1, progress: 20)])
        tracker.record(step: 6, progress: 0, milestones: [])
        tracker.record(step: 7, progress: 20.5, milestones: [])
        #expect(tracker.curve.map(\.step) == [0, 1, 7])
        #expect(zip(tracker.curve, tracker.curve.dropFirst()).allSatisfy { $0.progress < $1.progress })
    }

    @Test func milestonesAreRecordedOnceWithTheirFirstStep() {
        var tracker = ProgressTracker()
        #expect(tracker.record(step: 2, progress: 10, milestones: ["key"]) == ["key"])
        #expect(tracker.record(step: 5, progress: 20, milestones: ["key", "door"]) == ["door"])
        #expect(tracker.record(step: 9, progress: 20, milestones: ["door", "key"]) == [])
        #expect(tracker.reached == [MilestoneReach(id: "key", step: 2), MilestoneReach(id: "door", step: 5)])
    }

    @Test func aMilestoneRepeatedInOneStepIsRecordedOnce() {
        var tracker = ProgressTracker()
        #expect(tracker.record(step: 1, progress: 0, milestones: ["a", "a", "b"]) == ["a", "b"])
        #expect(tracker.reached.map(\.id) == ["a", "b"])
    }

    @Test func milestonesAreRecordedEvenWhenProgressDoesNotRise() {
        var tracker = ProgressTracker()
        tracker.record(step: 1, progress: 50, milestones: [])
        #expect(tracker.record(step: 3, progress: 10, milestones: ["late"]) == ["late"])
        #expect(tracker.reached == [MilestoneReach(id: "late", step: 3)])
        #expect(tracker.progress == 50)
    }
}
