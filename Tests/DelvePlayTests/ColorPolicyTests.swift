import DelvePlay
import Testing

@Suite struct ColorPolicyTests {
    @Test func colorOnlyOnATerminalWithoutNoColor() {
        #expect(ColorPolicy.usesColor(isTTY: true, noColorFlag: false, environment: [:]))
        #expect(ColorPolicy.usesColor(isTTY: true, noColorFlag: false, environment: ["NO_COLOR": ""]))
        #expect(!ColorPolicy.usesColor(isTTY: false, noColorFlag: false, environment: [:]))
        #expect(!ColorPolicy.usesColor(isTTY: true, noColorFlag: true, environment: [:]))
        #expect(!ColorPolicy.usesColor(isTTY: true, noColorFlag: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorPolicy.usesColor(isTTY: false, noColorFlag: true, environment: ["NO_COLOR": "yes"]))
    }
}
