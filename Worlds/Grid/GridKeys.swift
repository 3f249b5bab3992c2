import DelveCore

/// The grid family's single keys for `delve play`, after MiniGrid's manual
/// control (arrows to turn and go forward, Space toggles, Page Up picks up,
/// Page Down drops, Enter is done), with WASD beside the arrows.
extension GridWorld: KeyPlayable {
    /// The table; `done` only where the profile has it (not in `balrog`).
    static let keyTable: [KeyBinding] = [
        KeyBinding([.up, .character("w")], "go forward"),
        KeyBinding([.left, .character("a")], "turn left"),
        KeyBinding([.right, .character("d")], "turn right"),
        KeyBinding([.character(" "), .character("t")], "toggle"),
        KeyBinding([.pageUp, .character("p")], "pick up"),
        KeyBinding([.pageDown, .character("x")], "drop"),
        KeyBinding([.enter], "done"),
    ]

    /// The keys of the actions this profile has.
    public var keyMap: KeyMap {
        KeyMap(Self.keyTable.filter { legalActions.contains($0.action) })
    }
}
