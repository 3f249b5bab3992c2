/// Where an object lies relative to the agent's starting pose.
enum RelativeLocation: CaseIterable, Sendable, Hashable {
    case front, behind, left, right

    var phrase: String {
        switch self {
        case .front: "in front of you"
        case .behind: "behind you"
        case .left: "on your left"
        case .right: "on your right"
        }
    }

    /// Whether the offset `v` from the agent lies this way when facing `facing`.
    func holds(for v: Point, facing: Direction) -> Bool {
        let ahead = facing.vector, right = facing.right.vector
        switch self {
        case .front: return v.x * ahead.x + v.y * ahead.y > 0
        case .behind: return v.x * ahead.x + v.y * ahead.y < 0
        case .left: return v.x * right.x + v.y * right.y < 0
        case .right: return v.x * right.x + v.y * right.y > 0
        }
    }
}

/// A noun phrase naming objects ("the red ball", "a key on your left") and
/// the objects it named when the mission was made: a mission follows those
/// very objects as they are carried around.
struct ObjectDescription: Sendable, Hashable {
    var kind: TileKind
    var color: GridColor?
    var location: RelativeLocation?
    /// Ids of the matching objects, fixed at mission creation.
    var targets: [UInt8]

    /// "the red ball", "a box behind you": "the" when exactly one object matches.
    var surface: String {
        var words = [targets.count == 1 ? "the" : "a"]
        if let color { words.append(color.name) }
        words.append(kind.noun)
        if let location { words.append(location.phrase) }
        return words.joined(separator: " ")
    }

    /// Whether a tile is one of the named objects.
    func names(_ tile: Tile) -> Bool { tile.id != 0 && targets.contains(tile.id) }
}
