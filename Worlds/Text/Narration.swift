/// Text built from the state: room views, examine texts, lists, the status
/// line. Everything is walked in index order, never in hash order.
enum Narration {
    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return "nothing"
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// What the player sees in their room: `heading` (title and description),
    /// furniture and what lies on and in it, things on the floor, exits.
    static func roomView(_ s: TextState, heading: String) -> String {
        let room = s.rooms[s.player]
        var out = heading + contents(s, lockedShown: true)
        var exits: [String] = []
        for d in Direction.allCases where room.exits[d.rawValue] >= 0 {
            let door = room.doors[d.rawValue]
            if door < 0 {
                exits.append(d.name)
            } else {
                let state = s.things[door].isOpen ? "an open" : s.things[door].locked ? "a locked" : "a closed"
                exits.append("\(d.name) through \(state) \(s.things[door].name)")
            }
        }
        out += exits.isEmpty ? "\nThere is no way out." : "\nExits: " + exits.joined(separator: "; ") + "."
        return out
    }

    /// The room as the game describes it in the balrog profile, in prose
    /// only, as TextWorld does: the heading, what stands and lies here, and
    /// one sentence per way out. A locked door or container looks closed
    /// until someone tries it, as in TextWorld.
    static func roomProse(_ s: TextState, heading: String) -> String {
        let room = s.rooms[s.player]
        var out = heading + contents(s, lockedShown: false)
        var ways: [String] = []
        for d in Direction.allCases where room.exits[d.rawValue] >= 0 {
            let door = room.doors[d.rawValue]
            if door < 0 {
                ways.append("There is a way \(d.name).")
            } else {
                let state = s.things[door].isOpen ? "An open" : "A closed"
                ways.append("\(state) \(s.things[door].name) leads \(d.name).")
            }
        }
        out += ways.isEmpty ? "\nThere is no way out." : "\n" + ways.joined(separator: " ")
        return out
    }

    /// The furniture of the player's room and what lies on and in it, then
    /// the things on the floor, each as a sentence starting with a space.
    private static func contents(_ s: TextState, lockedShown: Bool) -> String {
        var out = ""
        var loose: [String] = []
        for i in s.things.indices where s.things[i].place == .room(s.player) {
            let thing = s.things[i]
            switch thing.kind {
            case .container:
                if !thing.isOpen {
                    out += " There is \(thing.locked && lockedShown ? "a locked" : "a closed") \(thing.name) here."
                } else {
                    out += " There is an open \(thing.name) here; " + inside(i, s) + "."
                }
            case .supporter:
                let on = s.contents(.on(i))
                out += on.isEmpty ? " There is \(thing.indefinite) here." :
                    " On the \(thing.name) you see " + list(on.map { s.things[$0].indefinite }) + "."
            case .appliance:
                out += " There is \(thing.indefinite) here."
            case .item, .door:
                loose.append(thing.indefinite)
            }
        }
        if !loose.isEmpty { out += " On the floor you see " + list(loose) + "." }
        return out
    }

    /// A room's title line and opening sentences.
    static func heading(_ room: Room) -> String { "-= \(room.name) =-\n\(room.description)" }

    /// "inside it you see a and b" or "it is empty".
    private static func inside(_ container: Int, _ s: TextState) -> String {
        let items = s.contents(.inside(container))
        return items.isEmpty ? "it is empty" : "inside it you see " + list(items.map { s.things[$0].indefinite })
    }

    /// The examine text of a thing, with its state.
    static func examine(_ i: Int, _ s: TextState) -> String {
        let thing = s.things[i]
        var out = thing.text.isEmpty ? "There is nothing special about the \(thing.name)." : thing.text
        if thing.openable {
            out += thing.isOpen ? " It is open." : thing.locked ? " It is locked." : " It is closed."
        }
        if thing.kind == .container, thing.isOpen {
            out += " " + Rules.capitalized(inside(i, s)) + "."
        }
        if thing.kind == .supporter {
            let on = s.contents(.on(i))
            if !on.isEmpty { out += " On it you see " + list(on.map { s.things[$0].indefinite }) + "." }
        }
        if thing.isFood {
            var state: [String] = []
            if let cut = thing.cut { state.append(cut.participle) }
            if thing.burned { state.append("burned") } else if let cooked = thing.cooked { state.append(cooked.participle) }
            out += state.isEmpty ? " It is raw and whole." : " It is \(list(state))."
        }
        return out
    }

    /// The status line: score and inventory.
    static func status(_ s: TextState, points: Int, maxPoints: Int) -> String {
        let held = s.inventory
        let carrying = held.isEmpty ? "nothing" : held.map { s.things[$0].name }.joined(separator: ", ")
        return "Score \(points)/\(maxPoints). Carrying: \(carrying)."
    }
}
