import DelveCore

/// The six colors of BabyAI, in its order.
enum GridColor: UInt8, CaseIterable, Sendable, Hashable {
    case red, green, blue, purple, yellow, grey

    /// Every color, in order (a stored array: `allCases` builds a new one each time).
    static let all = allCases

    /// The color's name in missions and observations.
    var name: String {
        switch self {
        case .red: "red"
        case .green: "green"
        case .blue: "blue"
        case .purple: "purple"
        case .yellow: "yellow"
        case .grey: "grey"
        }
    }

    /// One letter for the plain-text map (grey is `e`, so it differs from green).
    var letter: Character {
        switch self {
        case .red: "r"
        case .green: "g"
        case .blue: "b"
        case .purple: "p"
        case .yellow: "y"
        case .grey: "e"
        }
    }

    /// Its ink on the map, an xterm-256 palette index.
    var palette: UInt8 {
        switch self {
        case .red: 196
        case .green: 46
        case .blue: 33
        case .purple: 171
        case .yellow: 226
        case .grey: 250
        }
    }
}

/// A cell position; x grows east, y grows south.
struct Point: Hashable, Sendable {
    var x: Int
    var y: Int

    static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
    static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }

    /// The four unit steps, east, south, west, north.
    static let steps = [Point(x: 1, y: 0), Point(x: 0, y: 1), Point(x: -1, y: 0), Point(x: 0, y: -1)]

    /// Orthogonal neighbours, east, south, west, north.
    var neighbours: LazyMapSequence<[Point], Point> { Point.steps.lazy.map { self + $0 } }

    /// Manhattan distance.
    func distance(to other: Point) -> Int { abs(x - other.x) + abs(y - other.y) }
}

/// Facing, numbered as MiniGrid numbers it: 0 east, 1 south, 2 west, 3 north.
enum Direction: Int, CaseIterable, Sendable, Hashable {
    case east, south, west, north

    /// One step in this direction.
    var vector: Point {
        switch self {
        case .east: Point(x: 1, y: 0)
        case .south: Point(x: 0, y: 1)
        case .west: Point(x: -1, y: 0)
        case .north: Point(x: 0, y: -1)
        }
    }

    /// A quarter turn to the left.
    var left: Direction { Direction(rawValue: (rawValue + 3) % 4) ?? self }
    /// A quarter turn to the right.
    var right: Direction { Direction(rawValue: (rawValue + 1) % 4) ?? self }

    /// The agent's glyph on the map.
    var arrow: Character {
        switch self {
        case .east: ">"
        case .south: "v"
        case .west: "<"
        case .north: "^"
        }
    }
}
