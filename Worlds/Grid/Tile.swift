/// What occupies a cell.
enum TileKind: UInt8, Sendable, Hashable {
    case empty, wall, door, key, ball, box

    /// The noun in missions and observations.
    var noun: String {
        switch self {
        case .empty: "floor"
        case .wall: "wall"
        case .door: "door"
        case .key: "key"
        case .ball: "ball"
        case .box: "box"
        }
    }

    /// The kinds an agent can carry.
    static let portable: [TileKind] = [.key, .ball, .box]

    /// True for things an agent can pick up.
    var isPortable: Bool { self == .key || self == .ball || self == .box }
}

/// A door's state.
enum DoorState: UInt8, Sendable, Hashable {
    case open, closed, locked
}

/// A portable thing inside a box: its kind, color and own id, which it keeps
/// when the box is opened.
struct Item: Sendable, Hashable {
    var kind: TileKind
    var color: GridColor
    var id: UInt8

    /// Whether it is a key of this color.
    func isKey(_ color: GridColor) -> Bool { kind == .key && self.color == color }
}

/// One cell of the grid. Objects and doors carry an `id` (never 0) so that a
/// mission can follow the very object it names as it is carried around.
struct Tile: Sendable, Hashable {
    var kind: TileKind
    var color: GridColor = .grey
    var door: DoorState = .open
    var id: UInt8 = 0
    /// What a box holds, revealed when it is toggled.
    var inside: Item?

    static let empty = Tile(kind: .empty)
    static let wall = Tile(kind: .wall)

    /// Whether the agent can stand here.
    var isPassable: Bool { kind == .empty || (kind == .door && door == .open) }

    /// Whether it blocks sight (walls and doors that are not open).
    var blocksSight: Bool { kind == .wall || (kind == .door && door != .open) }

    /// "red ball", "locked yellow door".
    var phrase: String {
        switch kind {
        case .door:
            let state = door == .open ? "open" : door == .closed ? "closed" : "locked"
            return "\(state) \(color.name) door"
        case .wall, .empty:
            return kind.noun
        default:
            return "\(color.name) \(kind.noun)"
        }
    }

    /// "a red ball", "an open red door".
    var withArticle: String {
        let text = phrase
        return (text.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + text
    }
}

/// The level: a rectangle of tiles.
struct Grid: Sendable, Hashable {
    let width: Int
    let height: Int
    var tiles: [Tile]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        tiles = Array(repeating: .empty, count: width * height)
    }

    func contains(_ p: Point) -> Bool { p.x >= 0 && p.y >= 0 && p.x < width && p.y < height }

    /// The tile at `p`; outside the grid reads as wall.
    subscript(_ p: Point) -> Tile {
        get { contains(p) ? tiles[p.y * width + p.x] : .wall }
        set { if contains(p) { tiles[p.y * width + p.x] = newValue } }
    }

    /// The position of the object or door with this id, if it lies on the grid.
    func position(of id: UInt8) -> Point? {
        guard let index = tiles.firstIndex(where: { $0.id == id }) else { return nil }
        return Point(x: index % width, y: index / width)
    }

    /// Whether a door lies beside `p` (east, south, west or north).
    func isBesideDoor(_ p: Point) -> Bool {
        self[Point(x: p.x + 1, y: p.y)].kind == .door || self[Point(x: p.x, y: p.y + 1)].kind == .door
            || self[Point(x: p.x - 1, y: p.y)].kind == .door || self[Point(x: p.x, y: p.y - 1)].kind == .door
    }
}
