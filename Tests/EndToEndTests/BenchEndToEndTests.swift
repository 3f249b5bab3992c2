import Foundation
import Testing

@Suite struct BenchEndToEndTests {
    @Test func jsonHasTheContractedFields() throws {
        let run = try DelveBinary.run(["bench", "grid/goto", "--json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let results = try #require(try JSONFiles.value(run.stdout) as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results[0]["task"] as? String == "grid/goto")
        #expect((results[0]["steps_per_sec"] as? Double ?? 0) > 0)
        #expect((results[0]["resets_per_sec"] as? Double ?? 0) > 0)
    }

    @Test func tableHasARowPerTask() throws {
        let run = try DelveBinary.run(["bench", "grid/goto", "grid/boss"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let rows = run.stdout.split(separator: "\n")
        #expect(rows.first?.contains("steps/s") == true && rows.first?.contains("resets/s") == true)
        #expect(rows.count == 4)
        #expect(rows[2].hasPrefix("grid/goto") && rows[3].hasPrefix("grid/boss"))
    }
}
