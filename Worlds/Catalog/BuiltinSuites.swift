import DelveCore
import DelveSuites

/// Suites that ship with Delve. Seeds are fixed here: an evaluation's
/// episodes depend on the suite alone.
enum BuiltinSuites {
    /// The first evaluation seed; seeds below it are for training (docs/determinism.md).
    static let firstEvalSeed: UInt64 = 1_000_000

    /// Every built-in suite, in listing order: smoke, balrog, then one per family.
    static let all: [Suite] = [smoke, balrog] + Catalog.standard.families.map(family)

    /// The step budget of craft tasks in the smoke suite: open-ended, they
    /// play 1,000 steps there, not their full budget, so that the expert's
    /// smoke run stays quick too.
    static let smokeCraftBudget = 1_000

    /// The step budget of `dungeon/descend` in the smoke suite: its 100,000
    /// steps are a ceiling for the long game, not a smoke check.
    static let smokeDescendBudget = 1_000

    /// A few seeds of every task: a quick end-to-end check, under a minute with `random`.
    static let smoke = Suite(
        name: "smoke",
        summary: "A few seeds of every task; a quick end-to-end check of an agent.",
        entries: Catalog.standard.tasks.map { task in
            var five = entry(task, episodes: 5)
            if task.family == "craft" { five.stepBudget = smokeCraftBudget }
            if task.id == "dungeon/descend" { five.stepBudget = smokeDescendBudget }
            return five
        })

    /// BALROG's tasks and episode counts (its config.yaml), for each family
    /// Delve has: the five BabyAI tasks × 10, Crafter × 10, the three
    /// TextWorld games × 10, BabaIsAI's 40 level kinds × 3 (in config.yaml's order),
    /// NetHackChallenge × 5 (as `dungeon/descend`), the eight MiniHack tasks × 5
    /// (as the dungeon's skill tasks, in config.yaml's order), played as
    /// BALROG plays them: the `balrog` profile, exact action matching, the
    /// default action in place of an invalid answer, and the overall as the
    /// mean of BALROG's six environments.
    static let balrog = Suite(
        name: "balrog",
        summary: "BALROG's task mix and episode counts, under the balrog profile (BALROG's observations and scoring).",
        entries: balrogMix.compactMap { id, episodes in
            (try? Catalog.standard.task(id)).map { task in
                var counted = entry(task, episodes: episodes)
                counted.group = BalrogNames.environment(of: task)
                return counted
            }
        },
        profile: .balrog, invalidAction: .default, actionMatching: .exact)

    /// BALROG's mix: task and episodes. Tasks of families Delve does not have yet are left out.
    static let balrogMix: [(task: String, episodes: Int)] = [
        ("grid/goto", 10), ("grid/pickup", 10), ("grid/open", 10), ("grid/putnext", 10), ("grid/pick_up_seq_go_to", 10),
        ("craft/balrog", 10),
        ("text/treasure_hunter", 10), ("text/cooking", 10), ("text/coin_collector", 10),
        ("rules/make_win-distr_obj_rule", 3), ("rules/goto_win-distr_obj_rule", 3), ("rules/goto_win", 3),
        ("rules/goto_win-distr_obj", 3), ("rules/goto_win-distr_rule", 3),
        ("rules/goto_win-distr_obj-irrelevant_rule", 3), ("rules/make_win-distr_obj", 3),
        ("rules/make_win-distr_rule", 3), ("rules/make_win", 3), ("rules/make_win-distr_obj-irrelevant_rule", 3),
        ("rules/two_room-goto_win", 3), ("rules/two_room-goto_win-distr_obj_rule", 3),
        ("rules/two_room-goto_win-distr_rule", 3), ("rules/two_room-goto_win-distr_obj", 3),
        ("rules/two_room-goto_win-distr_obj-irrelevant_rule", 3), ("rules/two_room-goto_win-distr_win_rule", 3),
        ("rules/two_room-break_stop-goto_win-distr_obj_rule", 3), ("rules/two_room-break_stop-goto_win-distr_obj", 3),
        ("rules/two_room-break_stop-goto_win-distr_rule", 3),
        ("rules/two_room-break_stop-goto_win-distr_obj-irrelevant_rule", 3), ("rules/two_room-break_stop-goto_win", 3),
        ("rules/two_room-maybe_break_stop-goto_win-distr_obj_rule", 3), ("rules/two_room-maybe_break_stop-goto_win", 3),
        ("rules/two_room-maybe_break_stop-goto_win-distr_obj", 3),
        ("rules/two_room-maybe_break_stop-goto_win-distr_rule", 3),
        ("rules/two_room-maybe_break_stop-goto_win-distr_obj-irrelevant_rule", 3),
        ("rules/two_room-make_win-distr_obj_rule", 3), ("rules/two_room-make_win-distr_rule", 3),
        ("rules/two_room-make_win", 3), ("rules/two_room-make_win-distr_obj-irrelevant_rule", 3),
        ("rules/two_room-make_win-distr_obj", 3), ("rules/two_room-make_win-distr_win_rule", 3),
        ("rules/two_room-break_stop-make_win-distr_obj_rule", 3), ("rules/two_room-break_stop-make_win-distr_rule", 3),
        ("rules/two_room-break_stop-make_win", 3), ("rules/two_room-break_stop-make_win-distr_obj-irrelevant_rule", 3),
        ("rules/two_room-break_stop-make_win-distr_obj", 3), ("rules/two_room-make_you", 3),
        ("rules/two_room-make_you-make_win", 3), ("rules/two_room-make_wall_win", 3),
        ("dungeon/descend", 5),
        ("dungeon/boxoban_hard", 5), ("dungeon/boxoban_medium", 5), ("dungeon/maze_walk_9x9", 5), ("dungeon/maze_walk_15x15", 5),
        ("dungeon/corridor", 5), ("dungeon/corridor_battle", 5), ("dungeon/quest_easy", 5), ("dungeon/quest_medium", 5),
    ]

    /// Every task of one family, 10 episodes each: the family's own benchmark.
    static func family(_ family: FamilySpec) -> Suite {
        Suite(name: family.name, summary: "Every \(family.name) task, 10 episodes each.",
              entries: family.tasks.map { entry($0, episodes: 10) })
    }

    /// `task` on the first `episodes` evaluation seeds of its family.
    private static func entry(_ task: TaskSpec, episodes: Int) -> SuiteEntry {
        let first = Catalog.firstEvalSeed(for: task.family)
        return SuiteEntry(task: task.id, seeds: (0..<UInt64(episodes)).map { first + $0 })
    }
}
