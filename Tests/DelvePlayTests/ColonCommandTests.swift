import DelveCore
import DelvePlay
import Testing

@Suite struct ColonCommandTests {
    @Test func parsesEveryCommand() throws {
        #expect(try ColonCommand.parse(":help") == .help)
        #expect(try ColonCommand.parse(":map") == .map)
        #expect(try ColonCommand.parse(":undo") == .undo)
        #expect(try ColonCommand.parse(":restart") == .restart)
        #expect(try ColonCommand.parse(":seed 9") == .seed(9))
        #expect(try ColonCommand.parse(":QUIT") == .quit)
        #expect(try ColonCommand.parse(":seed   9007199254740991 ") == .seed(Seeds.range.upperBound))
        #expect(throws: ColonCommandError.badSeed("9007199254740992")) { try ColonCommand.parse(":seed 9007199254740992") }
    }

    @Test func aUniquePrefixIsEnough() throws {
        #expect(try ColonCommand.parse(":q") == .quit)
        #expect(try ColonCommand.parse(":res") == .restart)
        #expect(try ColonCommand.parse(":s 3") == .seed(3))
    }

    @Test func refusalsAreOneLine() {
        #expect(throws: ColonCommandError.unknown(":")) { try ColonCommand.parse(":") }
        #expect(throws: ColonCommandError.unknown(":x")) { try ColonCommand.parse(":x") }
        #expect(throws: ColonCommandError.badSeed("nine")) { try ColonCommand.parse(":seed nine") }
        #expect(throws: ColonCommandError.badSeed("")) { try ColonCommand.parse(":seed") }
        #expect(throws: ColonCommandError.unexpectedArgument(":undo")) { try ColonCommand.parse(":undo 2") }
        for error in [ColonCommandError.unknown(":x"), .badSeed(""), .unexpectedArgument(":map")] {
            #expect(!error.description.contains("\n"))
        }
        #expect(ColonCommandError.badSeed("").description.contains("got nothing"))
    }
}
