/// The observation of the `balrog` profile: the BabyAI-Text description that
/// BALROG's Minigrid fork gives and BALROG's wrapper shows, one fact a line,
/// its "You see " dropped, its grammar kept ("a open door"). In its order: what the agent carries ("You carry
/// a red key", no full stop), the nearest wall straight ahead, left and right
/// when nothing stands between, then every seen object column by column of
/// the 7×7 view, left to right, each column far to near. Nothing else: no
/// line when nothing is seen.
extension View {
    /// The `balrog` description of what the agent sees from `agent`.
    static func describeBalrog(grid: Grid, agent: Point, facing: Direction, carrying: Tile?) -> String {
        withCells(grid: grid, agent: agent, facing: facing) { cells in
            let seen = visibility(cells)
            var lines: [String] = []
            if let carrying { lines.append("You carry " + nounPhrase(carrying)) }
            for (step, reach) in rays {
                var index = (size - 1) * size + agentColumn
                for _ in 1...reach {
                    index += step
                    guard isSeen(seen, index) else { break }
                    let kind = cells[index].kind
                    if kind == .empty { continue }
                    if kind == .wall { lines.append(wallLines[index]) }
                    break
                }
            }
            for index in columnOrder where isSeen(seen, index) {
                let tile = cells[index]
                if tile.kind == .empty || tile.kind == .wall { continue }
                // The fork writes "a open red door": its test for an open
                // door never holds, so the article is always "a".
                if tile.kind == .door && tile.door == .open {
                    lines.append("a " + tile.phrase + " " + offsets[index])
                } else {
                    lines.append(objectLines[phraseIndex(tile) * size * size + index])
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    /// View cells other than the agent's, column by column from the left,
    /// each column from the farthest row to the nearest: the fork's order.
    static let columnOrder: [Int] = (0..<size).flatMap { column in
        (0..<size).map { row in row * size + column }
    }.filter { $0 != (size - 1) * size + agentColumn }
}
