/// The grid actions, in BALROG's words.
enum GridAction: Int, CaseIterable, Sendable {
    case turnLeft, turnRight, goForward, pickUp, drop, toggle, done

    static let names = ["turn left", "turn right", "go forward", "pick up", "drop", "toggle", "done"]

    /// BALROG's BabyAI action space: the first six, no `done`.
    static let balrogNames = Array(names.prefix(6))

    var name: String { GridAction.names[rawValue] }
}

/// The kinds of single instruction, in the order BabyAI draws among them.
enum InstructionKind: CaseIterable, Sendable {
    case goTo, pickUp, open, putNext
}

/// A single instruction: one thing to make true.
enum Leaf: Sendable, Hashable {
    case goTo(ObjectDescription)
    case pickUp(ObjectDescription)
    case open(ObjectDescription)
    case putNext(ObjectDescription, next: ObjectDescription)

    var surface: String {
        switch self {
        case let .goTo(d): "go to \(d.surface)"
        case let .pickUp(d): "pick up \(d.surface)"
        case let .open(d): "open \(d.surface)"
        case let .putNext(a, b): "put \(a.surface) next to \(b.surface)"
        }
    }

    /// Room-crossings this instruction may need, for BabyAI's step budget.
    var navigations: Int {
        if case .putNext = self { return 2 }
        return 1
    }
}

/// What the world tells the mission after each action.
struct MissionEvent {
    var action: GridAction
    var grid: Grid
    var front: Point
    var carrying: Tile?
    /// The action changed something (picked up, dropped, opened).
    var effective: Bool
    /// BabyAI's verifier to the letter (the `balrog` profile): a put-next
    /// counts only the object just dropped, and a carried go-to target still
    /// counts at `pickedFrom`.
    var literal = false
    /// Where the carried object lay before it was picked up, until the next drop.
    var pickedFrom: Point? = nil
    /// The object a drop that worked put down, in front of the agent.
    var dropped: Tile? = nil
}

/// A mission: instructions composed with "and", "then" and "after you",
/// checked after every action (the BabyAI verifier idea). Finished
/// instructions stay finished.
struct Mission: Sendable, Hashable {
    indirect enum Node: Sendable, Hashable {
        case leaf(Int)
        case and(Node, Node)
        /// `a`, then `b`.
        case before(Node, Node)
        /// `a` after you `b`: `b` first.
        case after(Node, Node)
    }

    enum Status { case success, pending }

    let root: Node
    let leaves: [Leaf]
    private(set) var done: [Bool]
    /// The mission in words.
    let surface: String

    init(root: Node, leaves: [Leaf]) {
        self.root = root
        self.leaves = leaves
        done = Array(repeating: false, count: leaves.count)
        surface = Mission.surface(root, leaves)
    }

    /// A mission of one instruction.
    init(_ leaf: Leaf) { self.init(root: .leaf(0), leaves: [leaf]) }

    private static func surface(_ node: Node, _ leaves: [Leaf]) -> String {
        switch node {
        case let .leaf(i): leaves[i].surface
        case let .and(a, b): "\(surface(a, leaves)) and \(surface(b, leaves))"
        case let .before(a, b): "\(surface(a, leaves)), then \(surface(b, leaves))"
        case let .after(a, b): "\(surface(a, leaves)) after you \(surface(b, leaves))"
        }
    }

    var navigations: Int { leaves.reduce(0) { $0 + $1.navigations } }

    var isComplete: Bool { complete(root) }

    /// Checks the mission after an action; returns the instructions it finished.
    mutating func verify(_ event: MissionEvent) -> [Int] {
        var finished: [Int] = []
        _ = evaluate(root, event, &finished)
        return finished
    }

    private mutating func evaluate(_ node: Node, _ event: MissionEvent, _ finished: inout [Int]) -> Status {
        switch node {
        case let .leaf(i):
            if done[i] { return .success }
            if Mission.holds(leaves[i], event) {
                done[i] = true
                finished.append(i)
                return .success
            }
            return .pending
        case let .and(a, b):
            let sa = evaluate(a, event, &finished)
            let sb = evaluate(b, event, &finished)
            return sa == .success && sb == .success ? .success : .pending
        case let .before(a, b):
            return evaluate(a, event, &finished) == .success ? evaluate(b, event, &finished) : .pending
        case let .after(a, b):
            return evaluate(b, event, &finished) == .success ? evaluate(a, event, &finished) : .pending
        }
    }

    private func complete(_ node: Node) -> Bool {
        switch node {
        case let .leaf(i): done[i]
        case let .and(a, b), let .before(a, b), let .after(a, b): complete(a) && complete(b)
        }
    }

    /// The unfinished instructions that can be worked on now, in the order
    /// the mission asks for them.
    var activeLeaves: [Int] { active(root) }

    private func active(_ node: Node) -> [Int] {
        switch node {
        case let .leaf(i): done[i] ? [] : [i]
        case let .and(a, b): active(a) + active(b)
        case let .before(a, b): complete(a) ? active(b) : active(a)
        case let .after(a, b): complete(b) ? active(a) : active(b)
        }
    }

    private static func holds(_ leaf: Leaf, _ event: MissionEvent) -> Bool {
        switch leaf {
        case let .goTo(d):
            if d.names(event.grid[event.front]) { return true }
            return event.literal && event.pickedFrom == event.front && event.carrying.map(d.names) == true
        case let .pickUp(d):
            return event.action == .pickUp && event.effective && event.carrying.map(d.names) == true
        case let .open(d):
            let door = event.grid[event.front]
            return event.action == .toggle && event.effective && d.names(door) && door.door == .open
        case let .putNext(a, b):
            guard event.action == .drop, event.effective else { return false }
            let fixed = b.targets.compactMap { event.grid.position(of: $0) }
            if event.literal {
                guard let dropped = event.dropped, a.names(dropped) else { return false }
                return fixed.contains { $0.distance(to: event.front) == 1 }
            }
            let moved = a.targets.compactMap { event.grid.position(of: $0) }
            return moved.contains { m in fixed.contains { $0.distance(to: m) == 1 } }
        }
    }
}
