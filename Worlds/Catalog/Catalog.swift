import DelveCore
import CraftWorld
import DelveSuites
import GridWorld
import TextWorlds
import RulesWorld
import DungeonWorld

/// Every world family Delve ships, and its built-in suites.
public enum Catalog {
    /// The registry of families and tasks, in listing order.
    public static let standard = TaskCatalog(families: [GridFamily.spec, CraftFamily.spec, TextFamily.spec, RulesFamily.spec,
                                                        DungeonFamily.spec])

    /// The first evaluation seed: `delve eval --task` starts here unless told
    /// otherwise; seeds below it are for training.
    public static let firstEvalSeed = BuiltinSuites.firstEvalSeed

    /// The first evaluation seed of a family: the text family keeps
    /// TextWorldExpress's split and evaluates on its test seeds (20000–20999);
    /// every other family starts at `firstEvalSeed`.
    public static func firstEvalSeed(for family: String) -> UInt64 {
        family == TextFamily.spec.name ? TextSeedSplit.test.lowerBound : firstEvalSeed
    }

    /// The seeds of a family kept for training, demonstrations and prompt
    /// tuning (docs/determinism.md): below `firstEvalSeed`, and the text
    /// family's TextWorldExpress train split. No evaluation suite draws from them.
    public static func trainingSeeds(for family: String) -> Range<UInt64> {
        family == TextFamily.spec.name ? TextSeedSplit.train.lowerBound..<(TextSeedSplit.train.upperBound + 1) : 0..<firstEvalSeed
    }

    /// The built-in suites, by name.
    public static let suites: [Suite] = BuiltinSuites.all

    /// The built-in suite with this name, if any.
    public static func suite(named name: String) -> Suite? {
        suites.first { $0.name == name }
    }
}
