import DelveCore

/// The rules family's single keys for `delve play`: arrows or WASD push
/// `you` one cell, Space or `.` waits (BabaIsAI's `idle`).
extension RulesWorld: KeyPlayable {
    /// The table.
    static let keyTable: [KeyBinding] = [
        KeyBinding([.up, .character("w")], "up"),
        KeyBinding([.left, .character("a")], "left"),
        KeyBinding([.down, .character("s")], "down"),
        KeyBinding([.right, .character("d")], "right"),
        KeyBinding([.character(" "), .character(".")], "idle"),
    ]

    /// The same keys in every task and profile.
    public var keyMap: KeyMap { KeyMap(Self.keyTable) }
}
