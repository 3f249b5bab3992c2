/// A level in play: its size, what is on it, and the rules its words spell.
///
/// The outermost ring of cells is the level's edge: nothing enters it and it
/// is no object (the `wall` objects are the ones inside). Several things may
/// share a cell (a `you` object walking over a ball); two word blocks never do.
public struct Board: Sendable, Hashable {
    /// How a move ended.
    public enum Outcome: Sendable, Hashable {
        /// The level goes on.
        case playing
        /// A `you` object touched a `win` object.
        case won
        /// Nothing is `you` any more.
        case lost
    }

    /// Columns, the edge included.
    public let width: Int
    /// Rows, the edge included.
    public let height: Int
    /// Everything on the board, in a fixed order (the order of generation).
    public private(set) var things: [Thing]
    /// The active rules, in reading order: `is` blocks row by row, each read
    /// across and then down; a rule spelled twice is listed once.
    public private(set) var rules: [Rule] = []
    /// Per noun, its properties' bits.
    private var masks: SIMD8<UInt8> = .zero
    /// Whether any NOUN IS NOUN rule is active.
    private var transforms = false
    /// BabaIsAI's judging (the `balrog` profile): a move wins only when a
    /// `you` object steps onto a cell holding something that was `win` before
    /// the move (or, blocked, is itself `win`); the rules it spells count from
    /// the next move on. Otherwise a `you` object sharing a cell with `win`
    /// after the move wins.
    public var judgesOnEntry = false

    /// A board holding `things`; the rules are read at once.
    public init(width: Int, height: Int, things: [Thing]) {
        self.width = width
        self.height = height
        self.things = things
        readRules()
    }

    /// Whether objects of `noun` have `property` now.
    public func has(_ noun: Noun, _ property: Property) -> Bool {
        masks[Int(noun.rawValue)] & property.bit != 0
    }

    /// Whether a rule is active now.
    public func isActive(_ rule: Rule) -> Bool {
        rules.contains(rule)
    }

    /// Whether a thing is `you` (only objects can be).
    func isYou(_ thing: Thing) -> Bool {
        if case let .object(noun) = thing.kind { return has(noun, .you) }
        return false
    }

    private func isPush(_ thing: Thing) -> Bool {
        switch thing.kind {
        case let .object(noun): has(noun, .push)
        default: true
        }
    }

    private func isStop(_ thing: Thing) -> Bool {
        if case let .object(noun) = thing.kind { return has(noun, .stop) }
        return false
    }

    private func hasProperty(_ thing: Thing, _ property: Property) -> Bool {
        if case let .object(noun) = thing.kind { return has(noun, property) }
        return false
    }

    /// Whether (x, y) is on the level's edge (or outside it).
    func isEdge(_ x: Int, _ y: Int) -> Bool {
        x <= 0 || y <= 0 || x >= width - 1 || y >= height - 1
    }

    /// The cells of every `you` object, in board order.
    public var youCells: [Int] {
        things.filter(isYou).map { Int($0.cell) }
    }

    /// Whether anything is `you`.
    var anyYou: Bool { things.contains(where: isYou) }

    /// Whether something can move from its cell into (x, y) going `direction`:
    /// the cell is inside the level, holds nothing that is stop, and whatever
    /// is push there can itself move on.
    private func canEnter(_ x: Int, _ y: Int, _ direction: Direction) -> Bool {
        if isEdge(x, y) { return false }
        let cell = UInt8(y * width + x)
        for thing in things where thing.cell == cell {
            if isPush(thing) {
                if !canEnter(x + direction.dx, y + direction.dy, direction) { return false }
            } else if isStop(thing) {
                return false
            }
        }
        return true
    }

    /// Moves every push thing out of (x, y) one cell along `direction`,
    /// shoving the next cell first; `canEnter` has said it can. Returns
    /// whether a word block moved.
    private mutating func shove(_ x: Int, _ y: Int, _ direction: Direction) -> Bool {
        let cell = UInt8(y * width + x)
        guard things.contains(where: { $0.cell == cell && isPush($0) }) else { return false }
        let nx = x + direction.dx, ny = y + direction.dy
        var wordMoved = shove(nx, ny, direction)
        let next = UInt8(ny * width + nx)
        for i in things.indices where things[i].cell == cell && isPush(things[i]) {
            things[i].cell = next
            if things[i].kind.isWord { wordMoved = true }
        }
        return wordMoved
    }

    /// Plays one move: every `you` object steps along `direction` (the one
    /// farthest ahead first), pushing chains of push things and word blocks;
    /// then the rules are read again, NOUN IS NOUN turns objects into other
    /// kinds, `defeat` destroys the `you` objects on its cells, and the outcome
    /// is judged. Returns the outcome and whether anything moved.
    @discardableResult
    public mutating func move(_ direction: Direction) -> (outcome: Outcome, moved: Bool) {
        guard let first = things.firstIndex(where: isYou) else { return (judge(), false) }
        var moved = false, wordMoved = false
        if judgesOnEntry { return moveJudgingOnEntry(direction) }
        if !things[(first + 1)...].contains(where: isYou) {
            step(first, direction, moved: &moved, wordMoved: &wordMoved)
        } else {
            var movers: [Int] = []
            for i in things.indices where isYou(things[i]) { movers.append(i) }
            let w = width
            func ahead(_ i: Int) -> Int {
                let cell = Int(things[i].cell)
                return (cell % w) * direction.dx + (cell / w) * direction.dy
            }
            movers.sort { (ahead($0), $1) > (ahead($1), $0) }
            for i in movers { step(i, direction, moved: &moved, wordMoved: &wordMoved) }
        }
        if wordMoved {
            readRules()
            if transforms { transform() }
        }
        return (judge(), moved)
    }

    /// `move` as BabaIsAI judges it: the `you` objects step in board order
    /// (row by row), each noting whether it entered a cell holding something
    /// `win` under the rules before the move, or, blocked, is `win` itself;
    /// the last one's note decides, as BabaIsAI keeps only the last. Then the
    /// rules are read again; a win stands even if the move broke `you`, and
    /// otherwise nothing being `you` is `.lost`.
    private mutating func moveJudgingOnEntry(_ direction: Direction) -> (outcome: Outcome, moved: Bool) {
        let before = self
        var movers: [Int] = []
        for i in things.indices where isYou(things[i]) { movers.append(i) }
        movers.sort { (things[$0].cell, $0) < (things[$1].cell, $1) }
        var moved = false, wordMoved = false, wins = false
        for i in movers {
            var stepped = false
            step(i, direction, moved: &stepped, wordMoved: &wordMoved)
            moved = moved || stepped
            let cell = things[i].cell
            wins = stepped
                ? things.indices.contains { $0 != i && things[$0].cell == cell && before.hasProperty(things[$0], .win) }
                : before.hasProperty(things[i], .win)
        }
        if wordMoved {
            readRules()
            if transforms { transform() }
        }
        let outcome = judge()
        return (wins ? .won : outcome == .lost ? .lost : .playing, moved)
    }

    /// Moves the thing at `index` one cell along `direction` if it can, shoving what is ahead.
    private mutating func step(_ index: Int, _ direction: Direction, moved: inout Bool, wordMoved: inout Bool) {
        let cell = Int(things[index].cell)
        let nx = cell % width + direction.dx, ny = cell / width + direction.dy
        guard canEnter(nx, ny, direction) else { return }
        if shove(nx, ny, direction) { wordMoved = true }
        things[index].cell = UInt8(ny * width + nx)
        moved = true
    }
    /// Destroys `you` objects standing on `defeat`, then says whether a `you`
    /// object shares a cell with a `win` object (itself included), or nothing
    /// is `you`.
    mutating func judge() -> Outcome {
        if (masks & SIMD8(repeating: Property.defeat.bit)) != .zero {
            let doomed = things.filter { isYou($0) && onCell(of: $0, with: .defeat) }.map(\.cell)
            if !doomed.isEmpty {
                let board = self
                things.removeAll { board.isYou($0) && doomed.contains($0.cell) }
            }
        }
        var anyYou = false
        for thing in things where isYou(thing) {
            anyYou = true
            if onCell(of: thing, with: .win) { return .won }
        }
        return anyYou ? .playing : .lost
    }

    private func onCell(of thing: Thing, with property: Property) -> Bool {
        things.contains { $0.cell == thing.cell && hasProperty($0, property) }
    }

    /// Turns objects of every NOUN IS NOUN subject into the first kind its
    /// rules name (NOUN IS ITSELF keeps a kind as it is).
    private mutating func transform() {
        for noun in Noun.allCases where !isActive(Rule(noun, becomes: noun)) {
            guard let target = rules.first(where: { $0.subject == noun && $0.complement != .noun(noun) && $0.isTransform }),
                  case let .noun(into) = target.complement else { continue }
            for i in things.indices where things[i].kind == .object(noun) { things[i].kind = .object(into) }
        }
    }

    /// Reads the rules from the word blocks: for every `is` block, row by row,
    /// the words left and right of it, then above and below.
    private mutating func readRules() {
        var found: [Rule] = []
        let w = width, cells = width * height
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: cells) { words in
            words.initialize(repeating: 0xFF)
            var isCells: [Int] = []
            for thing in things where thing.kind.isWord {
                words[Int(thing.cell)] = thing.kind.code
                if thing.kind == .isWord { isCells.append(Int(thing.cell)) }
            }
            isCells.sort()
            for cell in isCells {
                let x = cell % w, y = cell / w
                if x > 0, x < w - 1, let rule = Board.rule(words[cell - 1], words[cell + 1]), !found.contains(rule) {
                    found.append(rule)
                }
                if y > 0, y < height - 1, let rule = Board.rule(words[cell - w], words[cell + w]), !found.contains(rule) {
                    found.append(rule)
                }
            }
        }
        rules = found
        masks = .zero
        transforms = false
        for rule in found {
            switch rule.complement {
            case let .property(property): masks[Int(rule.subject.rawValue)] |= property.bit
            case .noun: transforms = true
            }
        }
    }

    /// The rule `before is after` spells, given their kind codes, if any.
    private static func rule(_ before: UInt8, _ after: UInt8) -> Rule? {
        guard (5..<10).contains(before), let subject = Noun(rawValue: before - 5) else { return nil }
        if (5..<10).contains(after), let noun = Noun(rawValue: after - 5) { return Rule(subject, becomes: noun) }
        if (11..<16).contains(after), let property = Property(rawValue: after - 11) { return Rule(subject, is: property) }
        return nil
    }
}

extension Rule {
    /// Whether this is a NOUN IS NOUN rule.
    var isTransform: Bool {
        if case .noun = complement { return true }
        return false
    }
}
