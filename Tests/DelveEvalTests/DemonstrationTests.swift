import DelveCore
import DelveEval
import Foundation
import Testing
import WorldCatalog

/// `delve demos`: every task records expert demonstrations on training seeds.
@Suite struct DemonstrationTests {
    @Test(arguments: Catalog.standard.tasks.map(\.id))
    func everyTaskRecordsADemonstration(task: String) throws {
        let spec = try Catalog.standard.task(task)
        let seed = Catalog.trainingSeeds(for: spec.family).lowerBound
        for profile in Profile.allCases {
            let demo = try Demonstration.record(task: spec, seed: seed, profile: profile, stepBudget: 30)
            #expect(demo.task == task && demo.seed == seed && demo.profile == profile && demo.revision == spec.revision)
            #expect(demo.observations.count == demo.actions.count + 1 && !demo.actions.isEmpty && demo.actions.count <= 30)
            #expect(!demo.instructions.isEmpty)
            var env = Env(task: spec)
            _ = try env.reset(seed: seed, options: WorldOptions(profile: profile), budget: 30)
            #expect(env.observation.text == demo.observations[0], "the first observation is the reset's")
        }
    }

    @Test func trainingSeedsNeverMeetEvaluationSeeds() {
        for family in Catalog.standard.families {
            let training = Catalog.trainingSeeds(for: family.name)
            #expect(training.upperBound <= Catalog.firstEvalSeed(for: family.name), "\(family.name)")
            for suite in Catalog.suites {
                for entry in suite.entries where entry.task.hasPrefix(family.name + "/") {
                    #expect(entry.seeds.allSatisfy { !training.contains($0) }, "\(suite.name) \(entry.task)")
                }
            }
        }
    }

    @Test func aDemosFileIsOneSortedObjectPerLine() throws {
        let demo = try Demonstration.record(task: try Catalog.standard.task("grid/goto"), seed: 3, profile: .balrog)
        let text = try Demonstration.jsonLines([demo, demo])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2 && text.hasSuffix("\n"))
        #expect(lines[0].hasPrefix(#"{"actions":["#) && lines[0].contains(#""end_reason":"success""#))
        #expect(try JSONDecoder().decode(Demonstration.self, from: Data(lines[0].utf8)) == demo)
    }
}
