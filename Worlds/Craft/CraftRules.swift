/// The craft world's whole rule set, as one literal table (Crafter keeps the
/// same facts in its `data.yaml`). Adding a material, an item, a way to
/// collect, place or make something is an edit here; `RuleBook` compiles it
/// into index tables for the engine, and the actions, the achievements'
/// triggers and the feedback all follow from it.
///
/// Names are Crafter's. Order matters: it is the order of the actions
/// ("Place …" then "Make …") and of the inventory in the text.
enum CraftRules {
    /// Terrain kinds: name, map glyph, background on the map (an
    /// xterm-256 palette index), and whether
    /// creatures and the player walk on it. The player also walks onto lava,
    /// which kills.
    static let materials: [MaterialRule] = [
        MaterialRule("water", glyph: "~", color: 27, walkable: false),
        MaterialRule("grass", glyph: ".", color: 28, walkable: true),
        MaterialRule("stone", glyph: "#", color: 244, walkable: false),
        MaterialRule("path", glyph: "_", color: 137, walkable: true),
        MaterialRule("sand", glyph: ":", color: 186, walkable: true),
        MaterialRule("tree", glyph: "T", color: 22, walkable: false),
        MaterialRule("lava", glyph: "%", color: 202, walkable: false),
        MaterialRule("coal", glyph: "c", color: 236, walkable: false),
        MaterialRule("iron", glyph: "i", color: 173, walkable: false),
        MaterialRule("diamond", glyph: "d", color: 51, walkable: false),
        MaterialRule("table", glyph: "t", color: 94, walkable: false),
        MaterialRule("furnace", glyph: "f", color: 88, walkable: false),
    ]

    /// What the player holds, vitals included: name, maximum, starting amount.
    static let items: [ItemRule] = [
        ItemRule("health", max: 9, initial: 9),
        ItemRule("food", max: 9, initial: 9),
        ItemRule("drink", max: 9, initial: 9),
        ItemRule("energy", max: 9, initial: 9),
        ItemRule("sapling", max: 9, initial: 0),
        ItemRule("wood", max: 9, initial: 0),
        ItemRule("stone", max: 9, initial: 0),
        ItemRule("coal", max: 9, initial: 0),
        ItemRule("iron", max: 9, initial: 0),
        ItemRule("diamond", max: 9, initial: 0),
        ItemRule("wood_pickaxe", max: 9, initial: 0),
        ItemRule("stone_pickaxe", max: 9, initial: 0),
        ItemRule("iron_pickaxe", max: 9, initial: 0),
        ItemRule("wood_sword", max: 9, initial: 0),
        ItemRule("stone_sword", max: 9, initial: 0),
        ItemRule("iron_sword", max: 9, initial: 0),
    ]

    /// "Do" facing a material: what it takes, what it gives (each item given
    /// unlocks `collect_<item>`), what stays behind, and how likely it works.
    static let collect: [CollectRule] = [
        CollectRule("tree", verb: "chop", require: [], receive: [("wood", 1)], leaves: "grass"),
        CollectRule("stone", verb: "mine", require: [("wood_pickaxe", 1)], receive: [("stone", 1)], leaves: "path"),
        CollectRule("coal", verb: "mine", require: [("wood_pickaxe", 1)], receive: [("coal", 1)], leaves: "path"),
        CollectRule("iron", verb: "mine", require: [("stone_pickaxe", 1)], receive: [("iron", 1)], leaves: "path"),
        CollectRule("diamond", verb: "mine", require: [("iron_pickaxe", 1)], receive: [("diamond", 1)], leaves: "path"),
        CollectRule("water", verb: "drink from", require: [], receive: [("drink", 1)], leaves: "water"),
        CollectRule("grass", verb: "search", require: [], receive: [("sapling", 1)], leaves: "grass", probability: 0.1),
    ]

    /// "Place X": what it uses, on which materials in front it may go, and
    /// whether it becomes terrain or a living thing (unlocks `place_<name>`).
    static let place: [PlaceRule] = [
        PlaceRule("stone", uses: [("stone", 1)], onto: ["grass", "sand", "path", "water", "lava"], becomes: .material),
        PlaceRule("table", uses: [("wood", 2)], onto: ["grass", "sand", "path"], becomes: .material),
        PlaceRule("furnace", uses: [("stone", 4)], onto: ["grass", "sand", "path"], becomes: .material),
        PlaceRule("plant", uses: [("sapling", 1)], onto: ["grass"], becomes: .creature),
    ]

    /// "Make X": the materials used up and the stations that must stand in the
    /// 3×3 area around the player (unlocks `make_<name>`).
    static let make: [MakeRule] = [
        MakeRule("wood_pickaxe", uses: [("wood", 1)], near: ["table"]),
        MakeRule("stone_pickaxe", uses: [("wood", 1), ("stone", 1)], near: ["table"]),
        MakeRule("iron_pickaxe", uses: [("wood", 1), ("coal", 1), ("iron", 1)], near: ["table", "furnace"]),
        MakeRule("wood_sword", uses: [("wood", 1)], near: ["table"]),
        MakeRule("stone_sword", uses: [("wood", 1), ("stone", 1)], near: ["table"]),
        MakeRule("iron_sword", uses: [("wood", 1), ("coal", 1), ("iron", 1)], near: ["table", "furnace"]),
    ]

    /// The damage the player deals by bare hand, then with each sword held
    /// (the best one counts).
    static let weapons: [(item: String, damage: Int)] = [("", 1), ("wood_sword", 2), ("stone_sword", 3), ("iron_sword", 5)]

    /// The achievements, in Crafter's (alphabetical) order: the milestones.
    static let achievements: [String] = [
        "collect_coal", "collect_diamond", "collect_drink", "collect_iron", "collect_sapling", "collect_stone",
        "collect_wood", "defeat_skeleton", "defeat_zombie", "eat_cow", "eat_plant", "make_iron_pickaxe",
        "make_iron_sword", "make_stone_pickaxe", "make_stone_sword", "make_wood_pickaxe", "make_wood_sword",
        "place_furnace", "place_plant", "place_stone", "place_table", "wake_up",
    ]
}

/// One terrain kind.
struct MaterialRule: Sendable {
    let name: String
    let glyph: Character
    let color: UInt8
    let walkable: Bool
    init(_ name: String, glyph: Character, color: UInt8, walkable: Bool) {
        self.name = name
        self.glyph = glyph
        self.color = color
        self.walkable = walkable
    }
}

/// One inventory entry.
struct ItemRule: Sendable {
    let name: String
    let max: Int
    let initial: Int
    init(_ name: String, max: Int, initial: Int) {
        self.name = name
        self.max = max
        self.initial = initial
    }
}

/// Collecting from a material with "Do".
struct CollectRule: Sendable {
    let material: String
    let verb: String
    let require: [(String, Int)]
    let receive: [(String, Int)]
    let leaves: String
    let probability: Double
    init(_ material: String, verb: String, require: [(String, Int)], receive: [(String, Int)], leaves: String, probability: Double = 1) {
        self.material = material
        self.verb = verb
        self.require = require
        self.receive = receive
        self.leaves = leaves
        self.probability = probability
    }
}

/// Placing something in front of the player.
struct PlaceRule: Sendable {
    /// What a placed thing becomes.
    enum Result: Sendable { case material, creature }
    let name: String
    let uses: [(String, Int)]
    let onto: [String]
    let near: [String]
    let becomes: Result
    init(_ name: String, uses: [(String, Int)], onto: [String], near: [String] = [], becomes: Result) {
        self.name = name
        self.uses = uses
        self.onto = onto
        self.near = near
        self.becomes = becomes
    }
}

/// Making a tool.
struct MakeRule: Sendable {
    let name: String
    let uses: [(String, Int)]
    let near: [String]
    init(_ name: String, uses: [(String, Int)], near: [String]) {
        self.name = name
        self.uses = uses
        self.near = near
    }
}
