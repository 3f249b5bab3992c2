/// One option value, as given on the command line, in a suite file or in the API.
public enum OptionValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    /// Decodes from a bare JSON scalar.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let v = try? container.decode(Bool.self) {
            self = .bool(v)
        } else if let v = try? container.decode(Int.self) {
            self = .int(v)
        } else if let v = try? container.decode(Double.self) {
            self = .double(v)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes as a bare JSON scalar.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .int(v): try container.encode(v)
        case let .double(v): try container.encode(v)
        case let .bool(v): try container.encode(v)
        case let .string(v): try container.encode(v)
        }
    }

    /// Parses a command-line word: integer, then number, then true/false, else text.
    public init(parsing text: String) {
        if let v = Int(text) {
            self = .int(v)
        } else if let v = Double(text) {
            self = .double(v)
        } else if text == "true" || text == "false" {
            self = .bool(text == "true")
        } else {
            self = .string(text)
        }
    }

    /// The value as it would be typed.
    public var description: String {
        switch self {
        case let .int(v): return String(v)
        case let .double(v): return String(v)
        case let .bool(v): return String(v)
        case let .string(v): return v
        }
    }
}

/// A task option a world accepts, for `delve worlds --describe` and validation.
public struct OptionSpec: Sendable, Hashable, Codable {
    /// The option's name, e.g. `room_size`.
    public var name: String
    /// What it changes.
    public var summary: String
    /// The default (BALROG's setting where there is one).
    public var defaultValue: OptionValue
    /// Smallest allowed integer value, when it is an integer.
    public var minimum: Int?
    /// Largest allowed integer value, when it is an integer.
    public var maximum: Int?

    /// Creates an option description.
    public init(name: String, summary: String, defaultValue: OptionValue, minimum: Int? = nil, maximum: Int? = nil) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
    }

    enum CodingKeys: String, CodingKey {
        case name, summary, minimum, maximum
        case defaultValue = "default"
    }
}

/// Options for one reset, by name, and the run's profile. Worlds only look
/// names up; nothing iterates this dictionary into world state.
///
/// The profile is not one of the named values: it is set for a whole run
/// (`Suite.profile`, `delve eval --profile`, serve's `env/reset` `profile`)
/// and is never written into a suite entry's `options`.
public struct WorldOptions: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// The values, by option name.
    public var values: [String: OptionValue]
    /// What the world shows and how it scores (`Profile`); `delve` unless set.
    public var profile: Profile

    /// Options from a dictionary, under the `delve` profile.
    public init(_ values: [String: OptionValue] = [:]) {
        self.init(values, profile: .delve)
    }

    /// Options from a dictionary, under `profile`.
    public init(_ values: [String: OptionValue] = [:], profile: Profile) {
        self.values = values
        self.profile = profile
    }

    /// Options from a literal.
    public init(dictionaryLiteral elements: (String, OptionValue)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
        profile = .delve
    }

    /// Decodes from a JSON object.
    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: OptionValue].self)
        profile = .delve
    }

    /// The same values under another profile.
    public func under(_ profile: Profile) -> WorldOptions {
        var copy = self
        copy.profile = profile
        return copy
    }

    /// Encodes as a JSON object (the named values; the profile is the run's).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    /// No options: every default applies.
    public static let defaults = WorldOptions()

    /// Checks every given name against the task's options, and integer bounds.
    public func validate(against specs: [OptionSpec], task: String) throws(WorldError) {
        for name in values.keys.sorted() {
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw .unknownOption(task: task, name: name, valid: specs.map(\.name))
            }
            if case .int = spec.defaultValue {
                _ = try int(name, specs: specs, task: task)
            }
        }
    }

    /// The integer value of an option, or its default; bounds are checked.
    public func int(_ name: String, specs: [OptionSpec], task: String) throws(WorldError) -> Int {
        guard let spec = specs.first(where: { $0.name == name }), case let .int(fallback) = spec.defaultValue else {
            throw .unknownOption(task: task, name: name, valid: specs.map(\.name))
        }
        let value: Int
        switch values[name] {
        case nil: value = fallback
        case let .int(v)?: value = v
        case let .double(v)?:
            guard let whole = Int(exactly: v) else {
                throw .badOption(task: task, name: name, reason: "expected a whole number, got '\(v)'")
            }
            value = whole
        case let other?: throw .badOption(task: task, name: name, reason: "expected a whole number, got '\(other)'")
        }
        if let lo = spec.minimum, value < lo {
            throw .badOption(task: task, name: name, reason: "\(value) is below the minimum \(lo)")
        }
        if let hi = spec.maximum, value > hi {
            throw .badOption(task: task, name: name, reason: "\(value) is above the maximum \(hi)")
        }
        return value
    }
}
