/// A map as a world draws it for people: rows of cells, each a few
/// characters in a color, then lines of plain text under it (status,
/// legend). Worlds build it; they never write terminal escape codes.
/// DelvePlay's `TerminalMap` writes it for a terminal, the report draws it
/// in HTML, and `plainText` is the `map` observation option.
///
/// ```swift
/// let map = CellMap(rows: [[MapCell("##", ink: 245, paper: 240), MapCell(">>", ink: 231, emphasis: .bold)]],
///                   footer: ["facing east"])
/// map.plainText  // "##>>\nfacing east"
/// ```
public struct CellMap: Sendable, Hashable {
    /// The drawn rows, top first, each cell left to right.
    public var rows: [[MapCell]]
    /// Plain lines under the rows.
    public var footer: [String]

    /// A map of these rows and footer lines.
    public init(rows: [[MapCell]] = [], footer: [String] = []) {
        self.rows = rows
        self.footer = footer
    }

    /// The map without colors: each row's glyphs, then the footer lines,
    /// joined by newlines.
    public var plainText: String {
        (rows.map { $0.map(\.glyph).joined() } + footer).joined(separator: "\n")
    }

    /// Each row with its consecutive cells of the same style merged into one
    /// cell (a run): what a writer colors as one piece.
    public var runs: [[MapCell]] {
        rows.map { row in
            var merged: [MapCell] = []
            for cell in row {
                if let last = merged.last, last.hasStyle(of: cell) {
                    merged[merged.count - 1].glyph += cell.glyph
                } else {
                    merged.append(cell)
                }
            }
            return merged
        }
    }
}

/// One cell of a `CellMap`: its characters (one in the dungeon, two in grid
/// and craft, three in rules) and how they are drawn. Colors are xterm-256
/// palette indices; 0–15 are the sixteen terminal colors, NetHack's.
public struct MapCell: Sendable, Hashable {
    /// The characters drawn.
    public var glyph: String
    /// The foreground color; nil for the terminal's own.
    public var ink: UInt8?
    /// The background color; nil for the terminal's own.
    public var paper: UInt8?
    /// Bold, underlined.
    public var emphasis: Emphasis

    /// `glyph` in these colors and emphasis; unstyled by default.
    public init(_ glyph: String, ink: UInt8? = nil, paper: UInt8? = nil, emphasis: Emphasis = []) {
        self.glyph = glyph
        self.ink = ink
        self.paper = paper
        self.emphasis = emphasis
    }

    /// Whether the cell is drawn in the terminal's own colors, without emphasis.
    public var isPlain: Bool { ink == nil && paper == nil && emphasis.isEmpty }

    /// Whether `other` is drawn in the same colors and emphasis.
    public func hasStyle(of other: MapCell) -> Bool {
        ink == other.ink && paper == other.paper && emphasis == other.emphasis
    }
}

/// How a cell's characters stand out.
public struct Emphasis: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Heavier (and, in a terminal, brighter) characters.
    public static let bold = Emphasis(rawValue: 1)
    /// A line under the characters.
    public static let underline = Emphasis(rawValue: 2)
}
