import DelveCore
import DelveFormats
import Foundation

/// A request Delve sends an agent process: one JSON line.
struct AgentRequest<Params: Encodable & Sendable>: Encodable, Sendable {
    /// The request id, counted from 1 per process.
    var id: Int
    /// The method.
    var method: String
    /// The params.
    var params: Params

    enum CodingKeys: String, CodingKey { case jsonrpc, id, method, params }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        try container.encode(method, forKey: .method)
        try container.encode(params, forKey: .params)
    }

    /// The request as one line, newline included: compact, keys sorted.
    func line() throws(AgentFailure) -> Data {
        do {
            var data = try JSONFormat.compact().encode(self)
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            throw AgentFailure("cannot encode the \(method) request: \(error)")
        }
    }
}

/// `initialize` params: the protocol version Delve speaks and who it is.
struct InitializeParams: Encodable, Sendable {
    var protocolVersion = ProtocolVersion.current
    var runtime = ["name": "delve", "version": DelveVersion.current]

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol_version"
        case runtime
    }
}

/// `episode/start` params: the episode's `EpisodeContext`.
struct EpisodeStartParams: Encodable, Sendable {
    var context: EpisodeContext

    enum CodingKeys: String, CodingKey {
        case task, seed, instructions, profile
        case actionSpace = "action_space"
        case stepBudget = "step_budget"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(context.task, forKey: .task)
        try container.encode(context.seed, forKey: .seed)
        try container.encode(context.instructions, forKey: .instructions)
        try container.encode(context.actionSpace, forKey: .actionSpace)
        try container.encode(context.stepBudget, forKey: .stepBudget)
        try container.encode(context.profile, forKey: .profile)
    }
}

/// `act` params: one turn, without the world state (never sent to processes).
struct ActParams: Encodable, Sendable {
    var step: Int
    var observation: Observation
    var reward: Double
    var progress: Double

    init(_ turn: AgentTurn) {
        step = turn.step
        observation = turn.observation
        reward = turn.reward
        progress = turn.progress
    }
}

/// `episode/end` params: the final progress and why the episode ended.
struct EpisodeEndParams: Encodable, Sendable {
    var progress: Double
    var endReason: EndReason

    enum CodingKeys: String, CodingKey {
        case progress
        case endReason = "end_reason"
    }
}

/// Params of a method that takes none: `{}`.
struct NoParams: Encodable, Sendable {}

extension AgentReply {
    /// Reads an `act` result: `action` (string, required); `reasoning`, `raw`
    /// and `prompt` (strings); `usage` (`prompt_tokens`, `completion_tokens`:
    /// whole numbers; `cost_usd`: a number).
    init(actResult result: JSONValue) throws(AgentFailure) {
        guard case let .object(members) = result else {
            throw AgentFailure("the act result must be an object, not \(result.typeName)")
        }
        guard case let .string(action)? = members["action"] else {
            throw AgentFailure("the act result needs \"action\", a string; got \(members["action"]?.typeName ?? "none")")
        }
        func text(_ key: String) throws(AgentFailure) -> String? {
            switch members[key] {
            case nil, .null?: return nil
            case let .string(text)?: return text
            case let other?: throw AgentFailure("\"\(key)\" must be a string, not \(other.typeName)")
            }
        }
        var usage: Usage?
        switch members["usage"] {
        case nil, .null?: break
        case let .object(fields)?: usage = try Usage(fields)
        case let other?: throw AgentFailure("\"usage\" must be an object, not \(other.typeName)")
        }
        self.init(action: action, reasoning: try text("reasoning"), usage: usage, raw: try text("raw"), prompt: try text("prompt"))
    }
}

extension Usage {
    init(_ fields: JSONObject) throws(AgentFailure) {
        func tokens(_ key: String) throws(AgentFailure) -> Int {
            switch fields[key] {
            case nil, .null?: return 0
            case let .int(count)? where count >= 0: return count
            case let other?: throw AgentFailure("usage \"\(key)\" must be a whole number ≥ 0, not \(other)")
            }
        }
        var cost: Double?
        switch fields["cost_usd"] {
        case nil, .null?: break
        case let .int(value)? where value >= 0: cost = Double(value)
        case let .double(value)? where value >= 0: cost = value
        case let other?: throw AgentFailure("usage \"cost_usd\" must be a number ≥ 0, not \(other)")
        }
        self.init(promptTokens: try tokens("prompt_tokens"), completionTokens: try tokens("completion_tokens"), costUSD: cost)
    }
}
