import DelveCore

extension TaskCatalog {
    /// The tasks `query` names: a family name gives all its tasks, `family/task` one.
    public func select(_ query: String) throws(CatalogError) -> [TaskSpec] {
        if !query.contains("/"), let family = family(query) { return family.tasks }
        return [try task(query)]
    }

    /// The tasks the queries name, in the order given, each once; every task when there are no queries.
    public func select(_ queries: [String]) throws(CatalogError) -> [TaskSpec] {
        guard !queries.isEmpty else { return tasks }
        var selected: [TaskSpec] = []
        for query in queries {
            for task in try select(query) where !selected.contains(where: { $0.id == task.id }) {
                selected.append(task)
            }
        }
        return selected
    }
}
