import DelveCore
import DelveFormats

/// What an agent is told about one generated instance of a task.
public struct TaskDescription: Sendable, Hashable, Codable {
    /// The seed the instance was generated from.
    public var seed: UInt64
    /// The instance's mission.
    public var mission: String
    /// The system prompt: rules, actions, goal.
    public var instructions: String
    /// The actions legal at the start.
    public var actionSpace: [String]
    /// The instance's step budget.
    public var stepBudget: Int

    /// Describes `task` as a fresh world reset with `seed` and default options presents it under `profile`.
    public init(task: TaskSpec, seed: UInt64, profile: Profile = .delve) throws(WorldError) {
        var world = task.make()
        let observation = try world.reset(seed: seed, options: WorldOptions(profile: profile))
        self.seed = seed
        mission = observation.mission
        instructions = world.instructions
        actionSpace = world.actionSpace
        stepBudget = world.stepBudget
    }

    enum CodingKeys: String, CodingKey {
        case seed, mission, instructions
        case actionSpace = "action_space"
        case stepBudget = "step_budget"
    }
}

/// One task in `delve worlds`.
public struct TaskListing: Sendable, Hashable, Codable {
    /// `family/task`.
    public var task: String
    /// One line about it.
    public var summary: String
    /// The family's revision.
    public var revision: Int
    /// The nominal step budget.
    public var stepBudget: Int
    /// The options it accepts.
    public var options: [OptionSpec]
    /// A generated instance, with `--describe`.
    public var description: TaskDescription?

    enum CodingKeys: String, CodingKey {
        case task, summary, revision, options, description
        case stepBudget = "step_budget"
    }
}

/// One family in `delve worlds`.
public struct FamilyListing: Sendable, Hashable, Codable {
    /// The family's name.
    public var family: String
    /// One line about it.
    public var summary: String
    /// Its revision.
    public var revision: Int
    /// Whether its observations can carry pictures (`--observe image`); text worlds are text only.
    public var images: Bool
    /// Its tasks, those asked for.
    public var tasks: [TaskListing]
}

/// The families and tasks `delve worlds` shows, as text or JSON.
public struct WorldListing: Sendable, Hashable {
    /// The seed `--describe` generates its example instance from.
    public static let describeSeed: UInt64 = 0

    /// The families shown, in catalog order.
    public var families: [FamilyListing]

    /// Lists the tasks `query` names (every task when nil); with `describe`,
    /// each task also shows a freshly reset instance.
    public init(catalog: TaskCatalog, query: String?, describe: Bool, profile: Profile = .delve) throws(PlanError) {
        let chosen: [TaskSpec]
        do { chosen = try catalog.select(query.map { [$0] } ?? []) } catch { throw .catalog(error) }
        var families: [FamilyListing] = []
        for family in catalog.families {
            var tasks: [TaskListing] = []
            for task in family.tasks where chosen.contains(where: { $0.id == task.id }) {
                var description: TaskDescription?
                if describe {
                    do { description = try TaskDescription(task: task, seed: Self.describeSeed, profile: profile) } catch { throw .options(error) }
                }
                tasks.append(TaskListing(task: task.id, summary: task.summary, revision: task.revision,
                                         stepBudget: task.stepBudget, options: task.options, description: description))
            }
            if !tasks.isEmpty {
                families.append(FamilyListing(family: family.name, summary: family.summary, revision: family.revision,
                                              images: family.isVisual, tasks: tasks))
            }
        }
        self.families = families
    }

    /// The listing for a terminal: families with their tasks, or each task's
    /// full description when described.
    public var text: String {
        var lines: [String] = []
        for family in families {
            lines.append("\(family.family) (revision \(family.revision)): \(family.summary)")
            lines.append(family.images ? "  observations: text, and pictures with --observe image|both" : "  observations: text only (no pictures)")
            let width = family.tasks.map(\.task.count).max() ?? 0
            for task in family.tasks {
                if let description = task.description {
                    lines.append("")
                    lines += Self.describe(task, description)
                } else {
                    let pad = String(repeating: " ", count: width - task.task.count)
                    lines.append("  \(task.task)\(pad)  \(task.summary)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The listing as indented JSON: an array of families, each with its tasks.
    public func json() throws -> String {
        try JSONFormat.prettyText(families)
    }

    private static func describe(_ task: TaskListing, _ description: TaskDescription) -> [String] {
        var lines = ["\(task.task)  revision \(task.revision)", "  \(task.summary)",
                     "  step budget: \(task.stepBudget) nominal, \(description.stepBudget) for seed \(description.seed)"]
        if task.options.isEmpty {
            lines.append("  options: none")
        } else {
            lines.append("  options:")
            for option in task.options {
                let range = [option.minimum.map { "min \($0)" }, option.maximum.map { "max \($0)" }].compactMap { $0 }
                let bounds = range.isEmpty ? "" : ", " + range.joined(separator: ", ")
                lines.append("    \(option.name) (default \(option.defaultValue)\(bounds)): \(option.summary)")
            }
        }
        lines.append("  action space: \(description.actionSpace.joined(separator: ", "))")
        lines.append("  mission (seed \(description.seed)): \(description.mission)")
        lines.append("  instructions (the system prompt, seed \(description.seed)):")
        lines += description.instructions.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    \($0)" }
        return lines
    }
}
