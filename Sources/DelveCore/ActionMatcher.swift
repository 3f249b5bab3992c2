/// The result of matching what an agent typed against a fixed action vocabulary.
public enum ActionMatch: Sendable, Hashable {
    /// Exactly one action: its index in the vocabulary.
    case action(Int)
    /// Several actions fit; none is chosen.
    case ambiguous([String])
    /// Nothing fits.
    case unknown
}

/// Forgiving-but-exact matching of natural-language actions.
///
/// Case, punctuation, underscores and runs of whitespace are normalised
/// ("Turn_Left!" is "turn left"); a synonym table maps other words to an
/// action ("forward" is "go forward"); and an unambiguous word-by-word prefix
/// selects an action ("pick" is "pick up", "turn l" is "turn left"). Anything
/// else matches nothing, and an input that fits several actions matches none.
public struct ActionMatcher: Sendable {
    /// The canonical actions, in order.
    public let actions: [String]
    private let exact: [String: Int]
    private let words: [[Substring]]

    /// A matcher for `actions`, with `synonyms` mapping extra phrases to
    /// canonical actions. Synonyms that name no action are ignored.
    public init(actions: [String], synonyms: KeyValuePairs<String, String> = [:]) {
        self.actions = actions
        var exact: [String: Int] = [:]
        for (index, action) in actions.enumerated() {
            exact[action] = index
            exact[ActionMatcher.normalize(action)] = index
        }
        for (phrase, target) in synonyms {
            if let index = actions.firstIndex(of: target) {
                exact[ActionMatcher.normalize(phrase)] = index
            }
        }
        self.exact = exact
        words = actions.map { ActionMatcher.normalize($0).split(separator: " ") }
    }

    /// Matches one input.
    public func match(_ input: String) -> ActionMatch {
        if let index = exact[input] { return .action(index) }
        let normalized = ActionMatcher.normalize(input)
        if normalized.isEmpty { return .unknown }
        if let index = exact[normalized] { return .action(index) }
        let given = normalized.split(separator: " ")
        var candidates: [Int] = []
        for (index, target) in words.enumerated() where given.count <= target.count {
            if zip(given, target).allSatisfy({ $0.1.hasPrefix($0.0) }) {
                candidates.append(index)
            }
        }
        switch candidates.count {
        case 0: return .unknown
        case 1: return .action(candidates[0])
        default: return .ambiguous(candidates.map { actions[$0] })
        }
    }

    /// Lowercases, turns every non-alphanumeric character into a space, and
    /// collapses spaces.
    public static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// The feedback line for an input that matched no single action.
    public func rejection(for input: String, match: ActionMatch) -> String {
        let shown = input.count > 60 ? String(input.prefix(57)) + "..." : input
        switch match {
        case let .ambiguous(options):
            return "'\(shown)' could mean \(options.joined(separator: " or ")); say which."
        default:
            return "'\(shown)' is not an action here. Valid actions: \(actions.joined(separator: ", "))."
        }
    }
}
