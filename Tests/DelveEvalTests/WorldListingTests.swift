import DelveCore
import DelveEval
import Foundation
import Testing
import WorldCatalog

@Suite struct WorldListingTests {
    @Test func listsEveryFamilyAndTask() throws {
        let listing = try WorldListing(catalog: Catalog.standard, query: nil, describe: false)
        #expect(listing.families.map(\.family) == Catalog.standard.families.map(\.name))
        #expect(listing.families.flatMap(\.tasks).map(\.task) == Catalog.standard.tasks.map(\.id))
        #expect(listing.families.flatMap(\.tasks).allSatisfy { $0.description == nil })
        for task in Catalog.standard.tasks { #expect(listing.text.contains(task.id)) }
    }

    @Test func describesWhatAnAgentIsTold() throws {
        let listing = try WorldListing(catalog: LineWorld.catalog, query: "line/walk", describe: true)
        let task = try #require(listing.families.first?.tasks.first)
        let description = try #require(task.description)
        #expect(description.instructions == "Walk forward to the end of the line.")
        #expect(description.actionSpace == LineWorld.actions)
        #expect(description.stepBudget == 10 && description.seed == WorldListing.describeSeed)
        #expect(description.mission == "reach the end")
        let text = listing.text
        #expect(text.contains("Walk forward to the end of the line."))
        #expect(text.contains("action space: forward, back, wait"))
        #expect(text.contains("length (default 0, min 0, max 5): Extra cells."))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listing.json().utf8)) as? [[String: Any]])
        let entry = try #require((json.first?["tasks"] as? [[String: Any]])?.first)
        #expect(entry["task"] as? String == "line/walk" && entry["step_budget"] as? Int == 10)
        #expect((entry["description"] as? [String: Any])?["action_space"] as? [String] == LineWorld.actions)
    }

    @Test func unknownNamesAreRefused() {
        #expect(throws: PlanError.catalog(.unknownFamily("nope", valid: ["line"]))) {
            try WorldListing(catalog: LineWorld.catalog, query: "nope", describe: false)
        }
    }
}
