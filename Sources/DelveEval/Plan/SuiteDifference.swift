import DelveCore
import DelveSuites

extension Suite {
    /// The first way `other` differs from this suite, in words (e.g. "entry 2
    /// (grid/goto) has other seeds"); nil when they are equal.
    public func difference(from other: Suite) -> String? {
        if name != other.name { return "suite '\(name)' vs '\(other.name)'" }
        if playedProfile != other.playedProfile {
            return "profile \(playedProfile.rawValue) vs \(other.playedProfile.rawValue)"
        }
        if (invalidAction ?? .noop) != (other.invalidAction ?? .noop) {
            return "invalid-action policy \((invalidAction ?? .noop).rawValue) vs \((other.invalidAction ?? .noop).rawValue)"
        }
        if (actionMatching ?? .forgiving) != (other.actionMatching ?? .forgiving) {
            return "action matching \((actionMatching ?? .forgiving).rawValue) vs \((other.actionMatching ?? .forgiving).rawValue)"
        }
        if entries.count != other.entries.count {
            return "suite '\(name)' has \(entries.count) entries vs \(other.entries.count)"
        }
        for (number, (mine, theirs)) in zip(entries, other.entries).enumerated() {
            let entry = "suite '\(name)' entry \(number + 1) (\(mine.task))"
            if mine.task != theirs.task { return "\(entry) vs \(theirs.task)" }
            if mine.seeds != theirs.seeds { return "\(entry) has other seeds" }
            if mine.stepBudget != theirs.stepBudget {
                return "\(entry) has step budget \(mine.stepBudget.map(String.init) ?? "default") vs "
                    + (theirs.stepBudget.map(String.init) ?? "default")
            }
            if mine.options != theirs.options { return "\(entry) has other options" }
            if mine.group != theirs.group { return "\(entry) counts in group \(mine.group ?? "(its family)") vs \(theirs.group ?? "(its family)")" }
        }
        if summary != other.summary { return "suite '\(name)' has another summary" }
        return nil
    }
}

extension [WorldRevision] {
    /// The first family whose revision differs between these and `other`, in words; nil when equal.
    func difference(from other: [WorldRevision], mine: String, theirs: String) -> String? {
        for world in self {
            guard let match = other.first(where: { $0.family == world.family }) else {
                return "\(mine) plays \(world.family) revision \(world.revision), \(theirs) has no \(world.family)"
            }
            if match.revision != world.revision {
                return "\(mine) has \(world.family) revision \(world.revision), \(theirs) has revision \(match.revision)"
            }
        }
        if let extra = other.first(where: { world in !contains(where: { $0.family == world.family }) }) {
            return "\(theirs) plays \(extra.family), \(mine) does not"
        }
        return nil
    }
}
