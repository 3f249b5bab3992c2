/// What a model is shown and how an episode is scored: a run-level choice
/// that flows from the suite (or `--profile`) to every world, through
/// `WorldOptions.profile`, and to every agent, through `EpisodeContext.profile`.
///
/// ```swift
/// var options = WorldOptions.defaults
/// options.profile = .balrog            // BALROG's observations and scoring
/// var env = Env(task: try Catalog.standard.task("grid/goto"))
/// let first = try env.reset(seed: 7, options: options)
/// ```
public enum Profile: String, Sendable, Hashable, Codable, CaseIterable {
    /// Delve's richer observations: legal actions, a feedback line, stated
    /// goals, and partial credit where a task has sub-goals. The default.
    case delve
    /// What BALROG's wrappers give the model, and BALROG's scoring rule for
    /// each environment (docs/balrog.md says where a difference remains).
    case balrog

    /// One line for `--help` and `delve worlds --describe`.
    public var summary: String {
        switch self {
        case .delve: return "Delve's richer observations (legal actions, feedback, stated goals) and partial credit"
        case .balrog: return "what BALROG's wrappers show the model, and BALROG's scoring (docs/balrog.md)"
        }
    }
}
