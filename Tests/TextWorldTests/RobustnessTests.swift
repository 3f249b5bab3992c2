import DelveCore
import Testing
@testable import TextWorlds

/// Every command a player might type gets its effect or a reason, never a
/// crash; an invalid one changes nothing; every admissible command is valid.
@Suite struct RobustnessTests {
    static let verbs = ["look", "l", "inventory", "i", "go", "walk", "n", "s", "e", "w", "u", "d", "examine", "x", "read",
                        "take", "get", "pick up", "drop", "put", "insert", "open", "close", "unlock", "eat", "slice", "dice",
                        "chop", "cut", "cook", "fry", "roast", "grill", "prepare", "lock", "jump", "xyzzy"]
    static let odd = ["", " ", "\t\n", String(repeating: "take key ", count: 2_000), "ßüñ∂ƒ©", "🙂🙂🙂", "???!!!", "...",
                      "'", "\"", "the", "a the an", "take the the", "go go", "go nowhere", "put", "put on", "put apple on",
                      "unlock with", "take from", "take x from", "cook with", "slice with knife", "prepare salad",
                      "look at", "insert into", "drop down", "put down", "pick", "up up up", "0", "-1", "take 🙂",
                      "TAKE ALL", "take all", "north!!!", "N", "inventory please", "examine examine"]

    /// The inputs for one state: the odd ones, every verb alone, and every verb with every thing's name
    /// (and, for two-object verbs, with every holder or key as the second).
    static func corpus(_ world: TextWorld) -> [String] {
        let names = world.state.things.map(\.name)
        var inputs = odd + verbs
        for verb in verbs {
            for name in names { inputs.append("\(verb) \(name)") }
        }
        for name in names {
            for second in names.prefix(12) {
                inputs += ["put \(name) on \(second)", "insert \(name) into \(second)", "unlock \(name) with \(second)",
                           "take \(name) from \(second)", "cook \(name) with \(second)", "slice \(name) with \(second)"]
            }
        }
        return inputs
    }

    /// Checks one state: every corpus input either is valid or leaves the world as it was,
    /// and every admissible command is valid.
    static func check(_ world: TextWorld, _ label: String) {
        for input in corpus(world) {
            var copy = world
            let result = copy.step(input)
            if !result.valid {
                #expect(copy.state == world.state && copy.quest == world.quest, "\(label): '\(input.prefix(40))' changed the world")
                #expect(copy.observation.text == world.observation.text && copy.observation.legalActions == world.legalActions)
                #expect(!result.observation.feedback.isEmpty && result.observation.feedback.count < 400)
            }
        }
        for action in world.legalActions {
            var copy = world
            #expect(copy.step(action).valid, "\(label): admissible '\(action)' was refused: \(copy.observation.feedback)")
        }
    }

    @Test(arguments: TextGames.all.map { $0.name })
    func oddInputsNeverCrashAndNeverChangeTheWorldWhenInvalid(name: String) throws {
        let game = try #require(TextGames.all.first { $0.name == name })
        for seed: UInt64 in [1, 20_000] {
            var world = TextWorld(game: game)
            _ = try world.reset(seed: seed, options: .defaults)
            for step in 0..<40 {
                if step % 8 == 0 { Self.check(world, "\(name) seed \(seed) step \(step)") }
                guard let action = world.expertAction() else { break }
                _ = world.step(action)
            }
        }
    }

    @Test func theHandMadeHouseToo() {
        var world = hallAndStudy()
        Self.check(world, "hall")
        _ = world.step("take red key")
        _ = world.step("open chest")
        Self.check(world, "hall, key in hand, chest open")
    }
}
