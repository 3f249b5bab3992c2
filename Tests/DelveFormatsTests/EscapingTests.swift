import DelveFormats
import Testing

/// Each escaping target turns hostile text into text that shows as written there.
@Suite struct EscapingTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J<script>alert(1)</script> \"a\" & 'b' | *c* \r\u{9B}31m\u{202E}x"

    @Test func theTerminalSeesEveryControlCharacterAsAVisibleEscape() {
        #expect(Escaping.terminal("\u{1B}[2J") == "^[[2J")
        #expect(Escaping.terminal("title\u{1B}]0;x\u{07}") == "title^[]0;x^G")
        #expect(Escaping.terminal("a\r\u{7F}\u{0}") == "a^M^?^@")
        #expect(Escaping.terminal("\u{9B}2J \u{202E}evil\u{2069}") == "<U+009B>2J <U+202E>evil<U+2069>")
        #expect(Escaping.terminal("two\nlines\tand tab, é ✓") == "two\nlines\tand tab, é ✓")
        #expect(Escaping.terminalLine("two\nlines\tx") == "two^Jlines^Ix")
        for escaped in [Escaping.terminal(Self.hostile), Escaping.terminalLine(Self.hostile)] {
            #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || (0x7F...0x9F).contains($0.value) })
        }
    }

    @Test func htmlTextAndAttributesCannotOpenATagOrEndTheValue() {
        #expect(Escaping.htmlText("<b>a & b</b> \"q\"") == "&lt;b&gt;a &amp; b&lt;/b&gt; \"q\"")
        #expect(Escaping.htmlText("&amp;") == "&amp;amp;", "an entity in the text shows as written")
        #expect(Escaping.htmlAttribute("\"><script>x</script>'") == "&quot;&gt;&lt;script&gt;x&lt;/script&gt;&#39;")
        // A combining mark makes a quote and itself one Character; to the HTML parser it is still a quote.
        #expect(Escaping.htmlAttribute("\"\u{0338}><b>") == "&quot;\u{0338}&gt;&lt;b&gt;")
        #expect(Escaping.markdown("|\u{0301}") == "\\|\u{0301}")
        #expect(Escaping.csv("a\"\u{0301},b") == "\"a\"\"\u{0301},b\"")
        let attribute = Escaping.htmlAttribute(Self.hostile)
        #expect(!attribute.contains("\"") && !attribute.contains("<") && !attribute.contains("'"))
    }

    @Test func scriptDataCannotCloseTheScriptElement() {
        #expect(Escaping.scriptData(json: #"{"a":"</script><!--"}"#) == #"{"a":"\u003c/script>\u003c!--"}"#)
    }

    @Test func markdownShowsMarkupAndControlsAsWritten() {
        #expect(Escaping.markdown("a|b *c* [d](e) <i> _f_ `g` #1 & h") == ##"a\|b \*c\* \[d\](e) \<i\> \_f\_ \`g\` \#1 \& h"##)
        #expect(Escaping.markdown("x\n# y\u{1B}[31m") == ##"x^J\# y^\[\[31m"##)
        #expect(Escaping.markdown("grid/goto seed 7") == "grid/goto seed 7")
    }

    @Test func csvFieldsStayOneFieldAndNeverAFormula() {
        #expect(Escaping.csv("grid/goto") == "grid/goto")
        #expect(Escaping.csv("a,b") == "\"a,b\"")
        #expect(Escaping.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Escaping.csv("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(Escaping.csv("-1+2") == "'-1+2")
        #expect(Escaping.csv("two\nlines\u{1B}") == "two^Jlines^[")
    }
}
