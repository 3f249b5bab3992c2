@testable import DelveCore
import Testing

@Suite struct KeyMapTests {
    let map = KeyMap([
        KeyBinding([.character("h")], "west", label: "move"),
        KeyBinding([.character("j")], "south", label: "move"),
        KeyBinding([.character("k")], "north", label: "move"),
        KeyBinding([.character("l")], "east", label: "move"),
        KeyBinding([.left], "west", label: "move"),
        KeyBinding([.character("W"), .character("P")], "wear", asks: [.item]),
        KeyBinding([.character(" "), .character(".")], "wait"),
        KeyBinding([.control("d")], "kick", asks: [.direction]),
    ], directions: [(.character("h"), "west"), (.left, "west")])

    @Test func theFirstBindingOfAKeyIsItsAction() {
        #expect(map.binding(for: .character("P"))?.action == "wear")
        #expect(map.binding(for: .left)?.action == "west")
        #expect(map.binding(for: .character("z")) == nil)
        #expect(map.direction(for: .left) == "west")
        #expect(map.direction(for: .character("j")) == nil)
    }

    /// A label shows once, after the keys of every binding that has it; four letters in a row run together.
    @Test func helpShowsEachLabelOnceWithItsKeys() {
        #expect(map.helpEntries == ["hjkl/← move", "W/P wear", "Space/. wait", "Ctrl-D kick"])
        #expect(map.directionKeys == "h/←")
    }
}
