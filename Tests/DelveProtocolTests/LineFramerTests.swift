import DelveProtocol
import Testing

@Suite struct LineFramerTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func cutsLinesAcrossChunks() {
        var framer = LineFramer(maximumLineBytes: 100)
        #expect(framer.push(bytes("ab")) == [])
        #expect(framer.push(bytes("c\nde\r\n\nf")) == [.line(bytes("abc")), .line(bytes("de")), .line([])])
        #expect(framer.finish() == .line(bytes("f")))
        #expect(framer.finish() == nil)
    }

    @Test func dropsAnOverlongLineAndKeepsGoing() {
        var framer = LineFramer(maximumLineBytes: 4)
        #expect(framer.push(bytes("abcd\nabc")) == [.line(bytes("abcd"))])
        #expect(framer.push(bytes("defgh")) == [])
        #expect(framer.push(bytes("ij\nok\n")) == [.overlong(bytes: 10), .line(bytes("ok"))])
    }

    @Test func aCarriageReturnDoesNotCountAgainstTheLimit() {
        var framer = LineFramer(maximumLineBytes: 3)
        #expect(framer.push(bytes("abc\r\nabcd\r\n")) == [.line(bytes("abc")), .overlong(bytes: 5)])
    }

    @Test func anOverlongLastLineIsReportedAtTheEnd() {
        var framer = LineFramer(maximumLineBytes: 2)
        #expect(framer.push(bytes("abcdef")) == [])
        #expect(framer.finish() == .overlong(bytes: 6))
    }
}
