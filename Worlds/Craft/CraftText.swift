/// What the agent reads, in BALROG's words for Crafter: "You see:" with the
/// nearest thing of each kind in the 9×7 window, what it faces, and its
/// status and inventory.
enum CraftText {
    /// The visible window: 4 cells to each side, 3 up and down (Crafter's
    /// 9×9 view less its two inventory rows).
    static let halfWidth = 4, halfHeight = 3

    /// Names of everything that can be seen: the materials, then the creatures.
    static let kindNames: [String] = RuleBook.standard.materialNames + CreatureKind.allCases.map(\.name)

    /// "3 steps to your north-west" for every offset in the window, by
    /// (dx + halfWidth) * height + (dy + halfHeight): BALROG's wording, the
    /// Manhattan distance and the compass direction.
    static let locations: [String] = {
        var out: [String] = []
        for dx in -halfWidth...halfWidth {
            for dy in -halfHeight...halfHeight {
                var parts: [String] = []
                if dy < 0 { parts.append("north") } else if dy > 0 { parts.append("south") }
                if dx < 0 { parts.append("west") } else if dx > 0 { parts.append("east") }
                let distance = abs(dx) + abs(dy)
                out.append("\(distance) step\(distance > 1 ? "s" : "") to your \(parts.joined(separator: "-"))")
            }
        }
        return out
    }()

    static let mission = "Unlock as many of Crafter's 22 achievements as you can, and stay alive."

    /// The long-term context: sleeping or death note, what is seen, what is
    /// in front. Under `balrog` the note is BALROG's (sleeping before death,
    /// and the blank lines its wrapper leaves), and the view is empty while
    /// the window hangs over the map's west or north edge, as BALROG's slice
    /// of the semantic map is then.
    static func describe(_ world: CraftWorld) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(320)
        let balrog = world.profile == .balrog
        if balrog {
            if world.player.sleeping {
                text += "You are sleeping, and will not be able take actions until energy is full.\n\n\n\n".utf8
            } else if world.player.health <= 0 {
                text += "You died.\n\n\n\n".utf8
            }
        } else if world.player.health <= 0 {
            text += "You died.\n\n".utf8
        } else if world.player.sleeping {
            text += "You are sleeping, and will not be able take actions until energy is full.\n\n".utf8
        }
        let p = world.player.at
        let blind = balrog && (p.x < halfWidth || p.y < halfHeight)
        if blind {
            text += "You see nothing away from you.".utf8
        } else if world.view == .standard {
            appendNearest(world, to: &text)
        } else {
            appendSeen(world, to: &text)
        }
        text += "\n\nYou face ".utf8
        let front = world.player.target
        let materialCount = RuleBook.standard.materialNames.count
        let faced: Int? = !Terrain.contains(front) || blind ? nil
            : world.creature(at: front).map { materialCount + Int(world.creatures[$0].kind.rawValue) } ?? Int(world.terrain[front])
        if let faced, !world.view.skipItems.contains(faced) {
            text += kindNameBytes[faced]
        } else {
            text += "nothing".utf8
        }
        text += " at your front.".utf8
        return String(decoding: text, as: UTF8.self)
    }

    /// The kind seen at an offset from the player, or nil off the map.
    private static func kind(_ world: CraftWorld, _ c: Cell) -> Int? {
        guard Terrain.contains(c) else { return nil }
        let slot = world.occupant[world.index(c)]
        return slot == 0 ? Int(world.terrain[c]) : RuleBook.standard.materialNames.count + Int(world.creatures[Int(slot) - 1].kind.rawValue)
    }

    /// "You see:" with the nearest thing of each kind, in the order kinds are
    /// first met column by column (BALROG's defaults, built from byte tables).
    private static func appendNearest(_ world: CraftWorld, to text: inout [UInt8]) {
        let height = 2 * halfHeight + 1
        var best = [Int](repeating: Int.max, count: kindNames.count)
        var where_ = [Int](repeating: 0, count: kindNames.count)
        var order: [Int] = []
        let p = world.player.at
        for dx in -halfWidth...halfWidth {
            for dy in -halfHeight...halfHeight where dx != 0 || dy != 0 {
                guard let kind = kind(world, Cell(p.x + dx, p.y + dy)) else { continue }
                let distance = abs(dx) + abs(dy)
                if best[kind] == Int.max { order.append(kind) }
                if distance < best[kind] {
                    best[kind] = distance
                    where_[kind] = (dx + halfWidth) * height + dy + halfHeight
                }
            }
        }
        if order.isEmpty {
            text += "You see nothing away from you.".utf8
        } else {
            text += "You see:".utf8
            for kind in order {
                text += seenLines[kind]
                text += locationBytes[where_[kind]]
            }
        }
    }

    /// "You see:" under any `CraftView`: skipped kinds left out, edge-only
    /// kinds kept where they border something else in the window, then every
    /// cell or the nearest of each kind, column by column.
    private static func appendSeen(_ world: CraftWorld, to text: inout [UInt8]) {
        let view = world.view, p = world.player.at
        func at(_ dx: Int, _ dy: Int) -> Int? {
            guard abs(dx) <= halfWidth, abs(dy) <= halfHeight else { return nil }
            return dx == 0 && dy == 0 ? -1 : kind(world, Cell(p.x + dx, p.y + dy))
        }
        var lines: [(kind: Int, distance: Int, location: String)] = []
        for dx in -halfWidth...halfWidth {
            for dy in -halfHeight...halfHeight where dx != 0 || dy != 0 {
                guard let kind = at(dx, dy), !view.skipItems.contains(kind) else { continue }
                if view.edgeOnlyItems.contains(kind) {
                    let neighbours = [at(dx - 1, dy), at(dx + 1, dy), at(dx, dy - 1), at(dx, dy + 1)]
                    guard neighbours.contains(where: { $0 != nil && $0 != kind }) else { continue }
                }
                let location = view.preciseLocation ? preciseLocation(dx, dy) : locations[(dx + halfWidth) * (2 * halfHeight + 1) + dy + halfHeight]
                lines.append((kind, abs(dx) + abs(dy), location))
            }
        }
        if view.uniqueItems {
            var nearest: [(kind: Int, distance: Int, location: String)] = []
            for line in lines {
                if let k = nearest.firstIndex(where: { $0.kind == line.kind }) {
                    if line.distance < nearest[k].distance { nearest[k] = line }
                } else {
                    nearest.append(line)
                }
            }
            lines = nearest
        }
        if lines.isEmpty {
            text += "You see nothing away from you.".utf8
        } else {
            text += "You see:".utf8
            for line in lines {
                text += seenLines[line.kind]
                text += line.location.utf8
            }
        }
    }

    /// BALROG's precise wording: "2 steps north and 1 step east".
    static func preciseLocation(_ dx: Int, _ dy: Int) -> String {
        func part(_ n: Int, _ direction: String) -> String { "\(abs(n)) step\(abs(n) > 1 ? "s" : "") \(direction)" }
        var parts: [String] = []
        if dy < 0 { parts.append(part(dy, "north")) } else if dy > 0 { parts.append(part(dy, "south")) }
        if dx < 0 { parts.append(part(dx, "west")) } else if dx > 0 { parts.append(part(dx, "east")) }
        return parts.isEmpty ? "at your location" : parts.joined(separator: " and ")
    }

    /// "\n- tree " for every kind, as bytes.
    private static let seenLines: [[UInt8]] = kindNames.map { Array("\n- \($0) ".utf8) }
    /// Every kind's name, as bytes.
    private static let kindNameBytes: [[UInt8]] = kindNames.map { Array($0.utf8) }
    /// `locations`, as bytes.
    private static let locationBytes: [[UInt8]] = locations.map { Array($0.utf8) }

    /// The short-term context: vitals out of 9, then the non-empty inventory.
    static func status(_ player: Player) -> String {
        var text = "Your status:"
        for v in Vital.all {
            text += itemLines[v]
            text += String(player.inventory[v])
            text += vitalMaxima[v]
        }
        var empty = true
        for i in itemLines.indices where i > Vital.energy && player.inventory[i] != 0 {
            text += empty ? "\n\nYour inventory:" : ""
            empty = false
            text += itemLines[i]
            text += String(player.inventory[i])
        }
        if empty { text += "\n\nYou have nothing in your inventory." }
        return text
    }

    /// "\n- wood: " for every item, built once.
    private static let itemLines = RuleBook.standard.itemNames.map { "\n- \($0): " }
    /// "/9" for every item, built once.
    private static let vitalMaxima = RuleBook.standard.itemMax.map { "/\($0)" }

    /// BALROG's Crafter prompt, with the actions from the rule table.
    static let instructions: String = {
        let actions = CraftAction.all.map { action -> String in
            switch action {
            case .noop: return "Noop: do nothing"
            case let .move(d): return "\(action.name): move \(d.name) on flat ground"
            case .interact: return "Do: multiuse action to collect material, drink from lake and hit creature in front"
            case .sleep: return "Sleep: sleep when energy level is below maximum"
            case let .place(i):
                let rule = RuleBook.standard.place[i]
                return "\(action.name): place \(RuleBook.withArticle(rule.name)) in front (uses \(uses(rule.uses)))"
            case let .make(i):
                let rule = RuleBook.standard.make[i]
                let near = rule.near.map { RuleBook.standard.materialNames[Int($0)] }.joined(separator: " and ")
                return "\(action.name): craft \(RuleBook.withArticle(rule.name)) with a nearby \(near) and \(uses(rule.uses)) in inventory"
            }
        }
        let achievements = CraftRules.achievements.enumerated().map { "\($0.offset + 1). \(RuleBook.title($0.element))" }
        return """
        You are an agent playing Crafter. The following are the only valid actions you can take in the game, followed by a short description of each action:

        \(actions.joined(separator: ",\n")).

        These are the game achievements you can get:
        \(achievements.joined(separator: "\n"))

        Each observation lists the nearest thing of each kind you see in your 9x7 view with its distance and direction, what you face, your health, food, drink and energy (out of 9), and your inventory. Food and drink drop over time; eat cows or ripe plants and drink water. Sleep when your energy is low; zombies come out at night. If health reaches 0 you die.

        Your goal is to get as far as possible by completing all the achievements.
        """
    }()

    private static func uses(_ list: [(item: Int, amount: Int)]) -> String {
        list.map { "\($0.amount) \(RuleBook.words(RuleBook.standard.itemNames[$0.item]))" }.joined(separator: ", ")
    }
}

extension CraftText {
    /// The achievements in the order BALROG's Crafter prompt lists them
    /// (roughly the tech tree's), by Crafter's names.
    static let balrogAchievementOrder = [
        "collect_wood", "place_table", "eat_cow", "collect_sapling", "collect_drink", "make_wood_pickaxe",
        "make_wood_sword", "place_plant", "defeat_zombie", "collect_stone", "place_stone", "eat_plant",
        "defeat_skeleton", "make_stone_pickaxe", "make_stone_sword", "wake_up", "place_furnace", "collect_coal",
        "collect_iron", "make_iron_pickaxe", "make_iron_sword", "collect_diamond",
    ]

    /// The system prompt under `balrog`: what BALROG's Crafter prompt tells
    /// the model (the game, the 17 actions with what each does, the 22
    /// achievements in its order, that a history follows, the goal) and
    /// nothing more, in Delve's words.
    static let balrogInstructions: String = {
        let actions = CraftAction.all.map { action -> String in
            switch action {
            case .noop: return "Noop: nothing happens"
            case let .move(d): return "\(action.name): walk one step \(d.name) over flat ground"
            case .interact: return "Do: the all-purpose action: gather the material in front of you, drink from the water there, or strike the creature there"
            case .sleep: return "Sleep: go to sleep while your energy is under its maximum"
            case let .place(i):
                let name = RuleBook.standard.place[i].name
                return "\(action.name): put down \(RuleBook.withArticle(name))\(name == "stone" ? " in front of you" : "")"
            case let .make(i):
                let rule = RuleBook.standard.make[i]
                let near = rule.near.map { RuleBook.withArticle(RuleBook.standard.materialNames[Int($0)]) }.joined(separator: " and ")
                let held = rule.uses.map { RuleBook.words(RuleBook.standard.itemNames[$0.item]) }
                let list = held.count > 1 ? held.dropLast().joined(separator: ", ") + " and " + (held.last ?? "") : held.joined()
                return "\(action.name): craft \(RuleBook.withArticle(rule.name)); needs \(near) close by and \(list) in your inventory"
            }
        }
        let achievements = balrogAchievementOrder.enumerated().map { "\($0.offset + 1). \(RuleBook.title($0.element))" }
        return """
        You are playing Crafter. These 17 actions are the only ones you can take; each is followed by what it does:

        \(actions.joined(separator: ",\n")).

        The achievements the game rewards:
        \(achievements.joined(separator: "\n"))

        Next comes the history of your actions and the game's observations.
        Get as far as you can: aim to unlock every achievement.
        """
    }()
}
