import DelveCore
import Foundation
import Testing

@Suite struct WorldOptionsTests {
    static let specs = [
        OptionSpec(name: "size", summary: "room side", defaultValue: .int(8), minimum: 5, maximum: 16),
        OptionSpec(name: "rooms", summary: "room count", defaultValue: .int(1)),
        OptionSpec(name: "theme", summary: "palette", defaultValue: .string("stone")),
    ]

    func decode(_ json: String) throws -> WorldOptions {
        try JSONDecoder().decode(WorldOptions.self, from: Data(json.utf8))
    }

    // MARK: JSON

    @Test func optionsRoundTripThroughJSON() throws {
        let options: WorldOptions = ["size": .int(8), "ratio": .double(0.5), "lit": .bool(true), "name": .string("red"),
                                     "neg": .int(-3), "empty": .string("")]
        let data = try JSONEncoder().encode(options)
        #expect(try JSONDecoder().decode(WorldOptions.self, from: data) == options)
    }

    @Test func aWholeDoubleComesBackFromJSONAsAnInteger() throws {
        // JSON has one number type: 2.0 is written `2` and read back as .int(2).
        // `int(_:)` reads both the same way, so nothing a world sees changes.
        let options: WorldOptions = ["rooms": .double(2.0)]
        let back = try JSONDecoder().decode(WorldOptions.self, from: JSONEncoder().encode(options))
        #expect(back.values == ["rooms": .int(2)])
        #expect(try options.int("rooms", specs: Self.specs, task: "g/t") == back.int("rooms", specs: Self.specs, task: "g/t"))
        #expect(try decode(#"{"rooms": 3.0}"#).values == ["rooms": .int(3)])
    }

    @Test func optionsEncodeAsAFlatObjectOfScalars() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let options: WorldOptions = ["size": .int(8), "ratio": .double(0.5), "lit": .bool(false), "name": .string("red")]
        let text = String(decoding: try encoder.encode(options), as: UTF8.self)
        #expect(text == #"{"lit":false,"name":"red","ratio":0.5,"size":8}"#)
    }

    @Test func decodingPicksTheNarrowestType() throws {
        let options = try decode(#"{"a": 1, "b": 2.5, "c": true, "d": "x", "e": "12", "f": -7}"#)
        #expect(options.values == ["a": .int(1), "b": .double(2.5), "c": .bool(true), "d": .string("x"),
                                   "e": .string("12"), "f": .int(-7)])
    }

    @Test(arguments: [#"{"a": [1]}"#, #"{"a": {"b": 1}}"#, #"{"a": null}"#, #"[1, 2]"#, #""size""#])
    func decodingRejectsAnythingButAnObjectOfScalars(json: String) {
        #expect(throws: (any Error).self) { try decode(json) }
    }

    @Test func aDictionaryLiteralKeepsTheLastOfADuplicatedName() {
        let options: WorldOptions = ["size": .int(5), "size": .int(9)]
        #expect(options.values == ["size": .int(9)])
        #expect(WorldOptions.defaults.values.isEmpty)
    }

    // MARK: OptionValue

    @Test(arguments: [
        ("12", OptionValue.int(12)), ("-3", .int(-3)), ("0", .int(0)),
        ("0.5", .double(0.5)), ("1e3", .double(1000)), ("-2.25", .double(-2.25)),
        ("true", .bool(true)), ("false", .bool(false)),
        ("True", .string("True")), ("red", .string("red")), ("", .string("")), (" 12", .string(" 12")),
    ])
    func parsingACommandLineWord(text: String, expected: OptionValue) {
        #expect(OptionValue(parsing: text) == expected)
    }

    @Test func descriptionIsTheValueAsTyped() {
        #expect(OptionValue.int(-4).description == "-4")
        #expect(OptionValue.double(0.5).description == "0.5")
        #expect(OptionValue.bool(true).description == "true")
        #expect(OptionValue.string("dark room").description == "dark room")
        for word in ["7", "0.25", "false", "blue"] {
            #expect(OptionValue(parsing: word).description == word)
        }
    }

    // MARK: validate

    @Test func validateAcceptsKnownNamesInBounds() throws {
        let options: WorldOptions = ["size": .int(16), "rooms": .int(400), "theme": .string("moss")]
        try options.validate(against: Self.specs, task: "grid/goto")
        try WorldOptions.defaults.validate(against: Self.specs, task: "grid/goto")
        try WorldOptions.defaults.validate(against: [], task: "grid/goto")
    }

    @Test func validateRejectsAnUnknownNameListingTheValidOnes() {
        let options: WorldOptions = ["sise": .int(8)]
        let expected = WorldError.unknownOption(task: "grid/goto", name: "sise", valid: ["size", "rooms", "theme"])
        #expect(throws: expected) { try options.validate(against: Self.specs, task: "grid/goto") }
        #expect(expected.description == "unknown option 'sise' for grid/goto; valid options: size, rooms, theme")
    }

    @Test func validateNamesTheFirstUnknownNameAlphabetically() {
        // Not dictionary order, which changes from process to process.
        let options: WorldOptions = ["zeta": .int(1), "alpha": .int(1), "mu": .int(1)]
        #expect(throws: WorldError.unknownOption(task: "t/x", name: "alpha", valid: ["size", "rooms", "theme"])) {
            try options.validate(against: Self.specs, task: "t/x")
        }
    }

    @Test func aTaskWithoutOptionsSaysSo() {
        let options: WorldOptions = ["size": .int(8)]
        let expected = WorldError.unknownOption(task: "text/quest", name: "size", valid: [])
        #expect(throws: expected) { try options.validate(against: [], task: "text/quest") }
        #expect(expected.description == "unknown option 'size' for text/quest; it takes no options")
    }

    @Test func validateChecksIntegerOptionsButNotOthers() {
        let tooBig: WorldOptions = ["size": .int(17)]
        #expect(throws: WorldError.badOption(task: "g/t", name: "size", reason: "17 is above the maximum 16")) {
            try tooBig.validate(against: Self.specs, task: "g/t")
        }
        let fractional: WorldOptions = ["rooms": .double(2.5)]
        #expect(throws: WorldError.badOption(task: "g/t", name: "rooms", reason: "expected a whole number, got '2.5'")) {
            try fractional.validate(against: Self.specs, task: "g/t")
        }
        let stringOption: WorldOptions = ["theme": .int(3)]
        #expect(throws: Never.self) { try stringOption.validate(against: Self.specs, task: "g/t") }
    }

    // MARK: int

    @Test func intAppliesTheDefault() throws {
        #expect(try WorldOptions.defaults.int("size", specs: Self.specs, task: "g/t") == 8)
        #expect(try WorldOptions.defaults.int("rooms", specs: Self.specs, task: "g/t") == 1)
    }

    @Test func intAcceptsIntegersAndWholeDoubles() throws {
        let options: WorldOptions = ["size": .int(12), "rooms": .double(3.0)]
        #expect(try options.int("size", specs: Self.specs, task: "g/t") == 12)
        #expect(try options.int("rooms", specs: Self.specs, task: "g/t") == 3)
        let negativeZero: WorldOptions = ["rooms": .double(-0.0)]
        #expect(try negativeZero.int("rooms", specs: Self.specs, task: "g/t") == 0)
    }

    @Test(arguments: [
        (OptionValue.double(2.5), "expected a whole number, got '2.5'"),
        (.string("4"), "expected a whole number, got '4'"),
        (.string("four"), "expected a whole number, got 'four'"),
        (.bool(true), "expected a whole number, got 'true'"),
        (.double(.nan), "expected a whole number, got 'nan'"),
        (.double(.infinity), "expected a whole number, got 'inf'"),
        (.double(1e20), "expected a whole number, got '1e+20'"),
    ])
    func intRejectsWhatIsNotAWholeNumber(value: OptionValue, reason: String) {
        let options = WorldOptions(["rooms": value])
        #expect(throws: WorldError.badOption(task: "g/t", name: "rooms", reason: reason)) {
            try options.int("rooms", specs: Self.specs, task: "g/t")
        }
    }

    @Test func intChecksTheBoundsWithClearMessages() throws {
        let low: WorldOptions = ["size": .int(4)]
        let error = WorldError.badOption(task: "grid/goto", name: "size", reason: "4 is below the minimum 5")
        #expect(throws: error) { try low.int("size", specs: Self.specs, task: "grid/goto") }
        #expect(error.description == "option 'size' for grid/goto: 4 is below the minimum 5")
        let high: WorldOptions = ["size": .double(17)]
        #expect(throws: WorldError.badOption(task: "grid/goto", name: "size", reason: "17 is above the maximum 16")) {
            try high.int("size", specs: Self.specs, task: "grid/goto")
        }
        let edges: [WorldOptions] = [["size": .int(5)], ["size": .int(16)]]
        #expect(try edges.map { try $0.int("size", specs: Self.specs, task: "grid/goto") } == [5, 16])
    }

    @Test func intOfAnUnknownNameListsTheValidOnes() {
        #expect(throws: WorldError.unknownOption(task: "g/t", name: "depth", valid: ["size", "rooms", "theme"])) {
            try WorldOptions.defaults.int("depth", specs: Self.specs, task: "g/t")
        }
    }

    @Test func optionSpecCallsItsDefaultDefault() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(Self.specs[0]), as: UTF8.self)
        #expect(text == #"{"default":8,"maximum":16,"minimum":5,"name":"size","summary":"room side"}"#)
        #expect(try JSONDecoder().decode(OptionSpec.self, from: Data(text.utf8)) == Self.specs[0])
    }
}
