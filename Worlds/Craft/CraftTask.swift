import DelveCore

/// The craft family's tasks: one world, two step budgets.
enum CraftTask: String, CaseIterable, Sendable {
    /// BALROG's setting: 2,000 steps.
    case balrog
    /// Crafter's own episode length: 10,000 steps.
    case full

    var summary: String {
        switch self {
        case .balrog: "Crafter-like open world: 22 achievements along a tech tree; BALROG's 2,000-step budget."
        case .full: "The same world with Crafter's 10,000-step episodes (the paper's setting)."
        }
    }

    var budget: Int {
        switch self {
        case .balrog: 2_000
        case .full: 10_000
        }
    }

    /// BALROG's Crafter observation settings (`CraftView`).
    var options: [OptionSpec] { CraftView.options }
}
