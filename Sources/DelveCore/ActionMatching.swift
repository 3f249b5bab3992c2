/// How an agent's answer is matched to an action of the world.
public enum ActionMatching: String, Sendable, Hashable, Codable, CaseIterable {
    /// The world's own matching: case, spacing, punctuation, unambiguous
    /// prefixes and synonyms are forgiven (`ActionMatcher`). Delve's default.
    case forgiving
    /// As BALROG checks an answer: it must be one of the world's
    /// `actionVocabulary` exactly, character for character; any other answer
    /// is refused before the world sees it. A world whose vocabulary is nil
    /// (a parser game) takes every answer as typed.
    case exact
}
