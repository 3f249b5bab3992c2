import DelveCore
@testable import GridWorld

/// Builds hand-made levels for tests: rooms, objects where we say, the agent
/// where we say, and a mission over the objects we name.
struct LevelBuilder {
    var layout: RoomLayout
    var nextID: UInt8 = 1

    init(rows: Int = 1, cols: Int = 1, roomSize: Int = 8) {
        layout = RoomLayout(rows: rows, cols: cols, roomSize: roomSize)
    }

    /// Places an object or door at (x, y); returns its id.
    @discardableResult
    mutating func put(_ kind: TileKind, _ color: GridColor, at x: Int, _ y: Int, door: DoorState = .open, inside: Item? = nil) -> UInt8 {
        defer { nextID += 1 }
        layout.grid[Point(x: x, y: y)] = Tile(kind: kind, color: color, door: door, id: nextID, inside: inside)
        return nextID
    }

    /// A world playing `mission` with the agent at (x, y) facing `facing`.
    func world(agent x: Int, _ y: Int, facing: Direction, mission: Mission, task name: String = "goto") -> GridWorld {
        guard let task = GridTask.named(name) else { preconditionFailure("no grid task \(name)") }
        var world = GridWorld(task: task)
        world.install(Level(layout: layout, agent: Point(x: x, y: y), facing: facing, mission: mission))
        return world
    }
}

/// A description naming exactly the given objects.
func named(_ kind: TileKind, _ color: GridColor?, _ ids: UInt8...) -> ObjectDescription {
    ObjectDescription(kind: kind, color: color, location: nil, targets: ids)
}

/// Plays actions, failing the test if one is not accepted.
@discardableResult
func play(_ world: inout GridWorld, _ actions: [String]) -> [StepResult] {
    actions.map { world.step($0) }
}
