import DelveCore
import Testing

@Suite struct ActionMatcherTests {
    static let actions = ["turn left", "turn right", "go forward", "pick up", "drop", "toggle", "done"]
    let matcher = ActionMatcher(
        actions: ActionMatcherTests.actions,
        synonyms: ["forward": "go forward", "left": "turn left", "open": "toggle", "fly": "soar"])

    func index(_ action: String) -> ActionMatch {
        .action(Self.actions.firstIndex(of: action) ?? -1)
    }

    @Test func everyCanonicalActionMatchesItself() {
        for (i, action) in Self.actions.enumerated() {
            #expect(matcher.match(action) == .action(i))
        }
        #expect(matcher.actions == Self.actions)
    }

    @Test(arguments: [
        ("Turn_Left!", "turn left"),
        ("  GO   forward. ", "go forward"),
        ("TURN-RIGHT", "turn right"),
        ("pick\tup", "pick up"),
        ("\"drop\"", "drop"),
        ("Done.\n", "done"),
        ("turn...left???", "turn left"),
    ])
    func caseWhitespacePunctuationAndUnderscoresAreNormalised(input: String, expected: String) {
        #expect(matcher.match(input) == index(expected))
    }

    @Test(arguments: [("forward", "go forward"), ("LEFT!", "turn left"), ("Open", "toggle"), (" open ", "toggle")])
    func synonymsMapToTheirAction(input: String, expected: String) {
        #expect(matcher.match(input) == index(expected))
    }

    @Test func aSynonymForAnActionNotInTheVocabularyIsIgnored() {
        #expect(matcher.match("fly") == .unknown)
    }

    @Test(arguments: [
        ("pick", "pick up"), ("turn l", "turn left"), ("turn r", "turn right"), ("go f", "go forward"),
        ("g", "go forward"), ("p u", "pick up"), ("tog", "toggle"), ("dr", "drop"), ("do", "done"), ("Turn_L", "turn left"),
    ])
    func unambiguousWordPrefixesSelectTheAction(input: String, expected: String) {
        #expect(matcher.match(input) == index(expected))
    }

    @Test func ambiguousPrefixesListTheCandidatesInVocabularyOrder() {
        #expect(matcher.match("t") == .ambiguous(["turn left", "turn right", "toggle"]))
        #expect(matcher.match("turn") == .ambiguous(["turn left", "turn right"]))
        #expect(matcher.match("d") == .ambiguous(["drop", "done"]))
    }

    @Test(arguments: ["jump", "turn up", "pick up now", "left turn", "forwards", "go backward", "up", "x"])
    func inputsThatFitNothingAreUnknown(input: String) {
        #expect(matcher.match(input) == .unknown)
    }

    @Test(arguments: ["", " ", "   \t\n", "!!!", "_", "..."])
    func emptyAndPunctuationOnlyInputsAreUnknown(input: String) {
        #expect(matcher.match(input) == .unknown)
    }

    @Test func veryLongInputsAreUnknownAndDoNotTrap() {
        #expect(matcher.match(String(repeating: "turn left ", count: 10_000)) == .unknown)
        #expect(matcher.match("t" + String(repeating: "x", count: 100_000)) == .unknown)
        #expect(matcher.match(String(repeating: "!", count: 100_000)) == .unknown)
    }

    @Test func nonASCIIInputIsHandled() {
        #expect(matcher.match("Turn Left ✨") == index("turn left"))
        #expect(matcher.match("→ go forward ←") == index("go forward"))
        #expect(matcher.match("🚪") == .unknown)
        #expect(matcher.match("TÜRN left") == .unknown)
        #expect(matcher.match("ｔｕｒｎ ｌｅｆｔ") == .unknown)  // fullwidth letters are other letters
    }

    @Test func nonASCIIVocabulariesMatchCaseInsensitively() {
        let german = ActionMatcher(actions: ["öffne tür", "gehe vorwärts", "nimm schlüssel"])
        #expect(german.match("ÖFFNE TÜR!") == .action(0))
        #expect(german.match("geh") == .action(1))
        #expect(german.match("nimm schl") == .action(2))
        #expect(german.match("offne tur") == .unknown)
    }

    @Test func anActionThatIsAPrefixOfAnotherStillMatchesExactly() {
        let m = ActionMatcher(actions: ["go", "go forward", "goal"])
        #expect(m.match("go") == .action(0))
        #expect(m.match("GO!") == .action(0))
        #expect(m.match("go f") == .action(1))
        #expect(m.match("goa") == .action(2))
        #expect(m.match("g") == .ambiguous(["go", "go forward", "goal"]))
    }

    @Test func aCanonicalActionWithPunctuationMatchesAsWritten() {
        let m = ActionMatcher(actions: ["take key (red)", "look"])
        #expect(m.match("take key (red)") == .action(0))
        #expect(m.match("Take key, red") == .action(0))
        #expect(m.match("take k r") == .action(0))
    }

    @Test func normalizeLowercasesAndCollapsesSeparators() {
        #expect(ActionMatcher.normalize("Turn_Left!") == "turn left")
        #expect(ActionMatcher.normalize("  GO   forward. ") == "go forward")
        #expect(ActionMatcher.normalize("room2 x-3") == "room2 x 3")
        #expect(ActionMatcher.normalize("") == "")
        #expect(ActionMatcher.normalize(" \t!?") == "")
        #expect(ActionMatcher.normalize("ÄPFEL") == "äpfel")
    }

    @Test func rejectionOfAnUnknownActionNamesEveryValidAction() {
        let line = matcher.rejection(for: "jump", match: .unknown)
        #expect(line == "'jump' is not an action here. Valid actions: turn left, turn right, go forward, pick up, drop, toggle, done.")
    }

    @Test func rejectionOfAnAmbiguousActionNamesTheCandidates() {
        let line = matcher.rejection(for: "t", match: matcher.match("t"))
        #expect(line == "'t' could mean turn left or turn right or toggle; say which.")
    }

    @Test func rejectionTruncatesLongInput() {
        let long = String(repeating: "abcdefghij", count: 10)
        let line = matcher.rejection(for: long, match: .unknown)
        #expect(line.hasPrefix("'" + long.prefix(57) + "...'"))
        #expect(!line.contains(long.prefix(58)))
        #expect(line.hasSuffix("Valid actions: turn left, turn right, go forward, pick up, drop, toggle, done."))

        let sixty = String(repeating: "z", count: 60)
        #expect(matcher.rejection(for: sixty, match: .unknown).hasPrefix("'" + sixty + "'"))
    }
}
