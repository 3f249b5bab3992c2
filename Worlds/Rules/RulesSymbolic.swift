import DelveCore

extension RulesWorld {
    /// The board's cells: `cells`, shape (height, width, 16), indexed
    /// [row][column][kind], how many things of each kind stand on the cell
    /// (several may share one). Kinds: 0-4 the objects baba, wall, ball,
    /// key, door; 5-9 their noun blocks; 10 `is`; 11-15 the property blocks
    /// you, win, stop, push, defeat. The edge ring holds nothing.
    public var symbolic: [String: SymbolicArray]? {
        let kinds = Kind.all.count
        var cells = [Int](repeating: 0, count: board.height * board.width * kinds)
        for thing in board.things {
            cells[Int(thing.cell) * kinds + Int(thing.kind.code)] += 1
        }
        return ["cells": SymbolicArray(shape: [board.height, board.width, kinds], data: cells)]
    }
}
