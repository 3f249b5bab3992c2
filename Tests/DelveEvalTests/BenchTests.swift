@testable import DelveBench
import Foundation
import Testing

@Suite struct BenchTests {
    @Test func measuresEveryFigureAndPrintsTheContractedJSON() throws {
        let result = try Bench(repetitions: 3, duration: .milliseconds(2)).measure(LineWorld.task)
        #expect(result.task == "line/walk")
        #expect(result.stepsPerSec > 0 && result.resetsPerSec > 0 && result.envStepsPerSec > 0)
        let report = BenchReport([result])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [[String: Any]])
        #expect(json.first?["task"] as? String == "line/walk")
        #expect(json.first?["steps_per_sec"] is Double && json.first?["resets_per_sec"] is Double)
        #expect(report.table.contains("line/walk"))
    }

    @Test func ratesAreGroupedByThousands() {
        #expect(BenchReport.grouped(1_234_567.4) == "1,234,567")
        #expect(BenchReport.grouped(999.6) == "1,000")
        #expect(BenchReport.grouped(12) == "12")
    }
}
