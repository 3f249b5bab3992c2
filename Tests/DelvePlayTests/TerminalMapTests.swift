import DelveCore
import DelvePlay
import WorldCatalog
import Testing

@Suite struct TerminalMapTests {
    private let map = CellMap(rows: [[MapCell("#", ink: 245), MapCell("#", ink: 245), MapCell(" ."), MapCell(" ."),
                                      MapCell("@", ink: 15, emphasis: .bold), MapCell("d", ink: 1, paper: 12)],
                                     [MapCell("ba*", ink: 231, paper: 16, emphasis: [.bold, .underline])]],
                              footer: ["status", ""])

    @Test func plainIsTheGlyphsAndTheFooter() {
        let text = TerminalMap.text(map, style: .ascii)
        #expect(text == "## . .@d\nba*\nstatus\n")
        #expect(text == map.plainText)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func cellsOfOneStyleFormOneRunAndPlainCellsAreBare() {
        let rows = TerminalMap.text(map, style: .ansi).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[0] == "\u{1B}[38;5;245m##\u{1B}[0m . .\u{1B}[1;97m@\u{1B}[0m\u{1B}[31;104md\u{1B}[0m")
        #expect(rows.dropFirst(2) == ["status", ""], "footer lines as they are")
    }

    @Test func sixteenColorsKeepTheirCodesAndOthersUseThePalette() {
        #expect(TerminalMap.text(map, style: .ansi).split(separator: "\n")[1] == "\u{1B}[1;4;38;5;231;48;5;16mba*\u{1B}[0m")
        let codes = (0...15).map { TerminalMap.text(CellMap(rows: [[MapCell("x", ink: UInt8($0), paper: UInt8($0))]]), style: .ansi) }
        #expect(codes[0] == "\u{1B}[30;40mx\u{1B}[0m" && codes[7] == "\u{1B}[37;47mx\u{1B}[0m")
        #expect(codes[8] == "\u{1B}[90;100mx\u{1B}[0m" && codes[15] == "\u{1B}[97;107mx\u{1B}[0m")
    }

    @Test func everyWorldsMapIsWrittenWithoutEscapesInPlainText() throws {
        for id in ["grid/goto", "craft/full", "rules/make_win", "dungeon/descend", "text/cooking"] {
            var world = try Catalog.standard.task(id).make()
            _ = try world.reset(seed: 3, options: .defaults)
            #expect(!TerminalMap.text(world.map, style: .ascii).contains("\u{1B}"), "\(id)")
            #expect(world.map.rows.joined().contains { $0.emphasis.contains(.bold) }, "\(id): something bold")
            #expect(TerminalMap.text(world.map, style: .ansi).contains("\u{1B}[1;") || id == "text/cooking", "\(id): bold with a color")
        }
    }
}
