import Foundation

/// The tasks the built binary serves, read from `delve worlds --json`, in catalog order: the tests take
/// the task list from the catalog instead of keeping a copy (BALROG's own lists, which the catalog is
/// checked against, are kept where they are the reference).
enum CatalogTasks {
    /// Each family's name and task ids (`family/task`), in listing order; empty if the binary could not
    /// list them (the tests that use it then fail on their own expectations).
    static let families: [(name: String, tasks: [String])] = {
        guard let run = try? DelveBinary.run(["worlds", "--json"]), run.status == 0,
              let families = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        else { return [] }
        return families.map { family in
            (family["family"] as? String ?? "", ((family["tasks"] as? [[String: Any]]) ?? []).compactMap { $0["task"] as? String })
        }
    }()

    /// Every task id, in listing order.
    static var all: [String] { families.flatMap(\.tasks) }

    /// The tasks of one family, in listing order.
    static func of(_ family: String) -> [String] { families.first { $0.name == family }?.tasks ?? [] }
}
