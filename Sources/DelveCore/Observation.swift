/// What an agent perceives after a reset or a step. The same shape travels in
/// the API, in trajectories and to agents.
public struct Observation: Sendable, Hashable, Codable {
    /// What the agent perceives now: the long-term context (BALROG's "text").
    public var text: String
    /// Vitals, inventory, carried object: the short-term context.
    public var status: String
    /// The task's goal in words.
    public var mission: String
    /// The actions that are meaningful now.
    public var legalActions: [String]
    /// One line about the last action: what it did, or why it did nothing.
    public var feedback: String
    /// ASCII rows of the map, only when asked for.
    public var map: [String]?
    /// A picture of what the agent sees, only when asked for (`Imaging`).
    public var image: ObservationImage?
    /// What the agent perceives as arrays of integers by name (`World.symbolic`), only when asked for.
    public var symbolic: [String: SymbolicArray]?

    /// Creates an observation.
    public init(text: String, status: String, mission: String, legalActions: [String], feedback: String, map: [String]? = nil,
                image: ObservationImage? = nil, symbolic: [String: SymbolicArray]? = nil) {
        self.text = text
        self.status = status
        self.mission = mission
        self.legalActions = legalActions
        self.feedback = feedback
        self.map = map
        self.image = image
        self.symbolic = symbolic
    }

    enum CodingKeys: String, CodingKey {
        case text, status, mission, feedback, map, image, symbolic
        case legalActions = "legal_actions"
    }
}
