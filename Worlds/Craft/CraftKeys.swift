import DelveCore

/// The craft family's single keys for `delve play`, Crafter's own viewer's:
/// WASD (or the arrows) move, Space is Do, Tab sleeps, R T F P place stone,
/// table, furnace and plant, 1 to 6 make the pickaxes and swords. Crafter
/// plays Noop when no key is pressed; here `.` or `n` plays it.
extension CraftWorld: KeyPlayable {
    /// The table.
    static let keyTable: [KeyBinding] = [
        KeyBinding([.up, .character("w")], "Move North", label: "move"),
        KeyBinding([.left, .character("a")], "Move West", label: "move"),
        KeyBinding([.down, .character("s")], "Move South", label: "move"),
        KeyBinding([.right, .character("d")], "Move East", label: "move"),
        KeyBinding([.character(" ")], "Do"),
        KeyBinding([.tab], "Sleep"),
        KeyBinding([.character("."), .character("n")], "Noop"),
        KeyBinding([.character("r")], "Place Stone"),
        KeyBinding([.character("t")], "Place Table"),
        KeyBinding([.character("f")], "Place Furnace"),
        KeyBinding([.character("p")], "Place Plant"),
        KeyBinding([.character("1")], "Make Wood Pickaxe"),
        KeyBinding([.character("2")], "Make Stone Pickaxe"),
        KeyBinding([.character("3")], "Make Iron Pickaxe"),
        KeyBinding([.character("4")], "Make Wood Sword"),
        KeyBinding([.character("5")], "Make Stone Sword"),
        KeyBinding([.character("6")], "Make Iron Sword"),
    ]

    /// The same keys in every task and profile.
    public var keyMap: KeyMap { KeyMap(Self.keyTable) }
}
