import DelveCore

/// A frame's map as the report page stores it: `{"rows": [[run, …], …],
/// "footer": [line, …]}`, where each row's cells of the same style are
/// merged into runs (`CellMap.runs`). A run without style is its text; any
/// other is `[text, ink, paper, emphasis]`, the colors xterm-256 palette
/// indices or null and the emphasis `Emphasis.rawValue` (1 bold, 2
/// underline). The page's script draws the runs as spans.
public struct ReplayMap: Sendable, Hashable, Encodable {
    /// The map as the world drew it.
    public var cells: CellMap

    /// The stored form of `cells`.
    public init(_ cells: CellMap) { self.cells = cells }

    enum CodingKeys: String, CodingKey {
        case rows, footer
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cells.runs.map { $0.map(StoredRun.init) }, forKey: .rows)
        try container.encode(cells.footer, forKey: .footer)
    }

    /// One run in the page's JSON.
    private struct StoredRun: Encodable {
        var run: MapCell

        func encode(to encoder: any Encoder) throws {
            if run.isPlain {
                var single = encoder.singleValueContainer()
                try single.encode(run.glyph)
                return
            }
            var list = encoder.unkeyedContainer()
            try list.encode(run.glyph)
            try list.encode(run.ink)
            try list.encode(run.paper)
            try list.encode(run.emphasis.rawValue)
        }
    }
}
