import DelveCore
import Testing

@Suite struct TaskCatalogTests {
    let catalog = TaskCatalog(families: [
        FamilySpec(name: "count", summary: "counting", revision: 1,
                   tasks: [CounterWorld.task(name: "walk"), CounterWorld.task(name: "sprint")]),
        FamilySpec(name: "solo", summary: "one task", revision: 2, tasks: [CounterWorld.task(family: "solo", name: "only")]),
    ])

    @Test func resolvesFamilySlashTask() throws {
        let task = try catalog.task("count/sprint")
        #expect(task.id == "count/sprint")
        #expect(task.family == "count")
        #expect(task.name == "sprint")
        #expect(task.make().taskID == "count/sprint")
    }

    @Test func aBareFamilyNameResolvesWhenItHasOneTask() throws {
        #expect(try catalog.task("solo").id == "solo/only")
    }

    @Test func aBareFamilyNameWithSeveralTasksListsThem() {
        let expected = CatalogError.unknownTask("count", valid: ["count/walk", "count/sprint"])
        #expect(throws: expected) { try catalog.task("count") }
        #expect(expected.description == "unknown task 'count'; valid tasks: count/walk, count/sprint")
    }

    @Test func anUnknownTaskListsTheFamilysTasks() {
        #expect(throws: CatalogError.unknownTask("count/run", valid: ["count/walk", "count/sprint"])) {
            try catalog.task("count/run")
        }
        #expect(throws: CatalogError.unknownTask("count/walk/far", valid: ["count/walk", "count/sprint"])) {
            try catalog.task("count/walk/far")
        }
    }

    @Test(arguments: ["grid/goto", "grid", "", "Count/walk", "/walk"])
    func anUnknownFamilyListsTheFamilies(id: String) {
        let expected = CatalogError.unknownFamily(id, valid: ["count", "solo"])
        #expect(throws: expected) { try catalog.task(id) }
        #expect(expected.description == "unknown world '\(id)'; valid worlds: count, solo")
    }

    @Test func tasksAndFamiliesKeepTheirListingOrder() {
        #expect(catalog.tasks.map(\.id) == ["count/walk", "count/sprint", "solo/only"])
        #expect(catalog.family("solo")?.revision == 2)
        #expect(catalog.family("nope") == nil)
    }
}
