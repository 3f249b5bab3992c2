import DelveCore
import DelveFormats
import DelveImage
import DelvePlay

extension Server {
    /// Every method serve mode answers, in the order docs/protocol.md lists them.
    public static let methods = [
        "initialize", "worlds/list", "env/reset", "env/step", "env/legal_actions", "env/render",
        "env/snapshot", "env/restore", "env/drop_snapshot", "env/close", "shutdown",
    ]

    /// Runs one method and returns its result.
    mutating func call(_ method: String, _ params: JSONValue?) throws(RPCError) -> any JSONWritable {
        guard isAuthorized || method == "initialize" else {
            throw RPCError(.unauthorized, "this server needs a token: call initialize with param \"token\" first")
        }
        if limits.idleTimeout != nil, case let .object(members)? = params, case let .string(id)? = members["env"] {
            try use(id)
        }
        switch method {
        case "initialize": return try initialize(Params(params, allowed: ["protocol_version", "client", "token"]))
        case "worlds/list": return try worldsList(Params(params, allowed: []))
        case "env/reset": return try reset(Params(params, allowed: ["env", "world", "task", "seed", "options", "profile", "map", "image", "symbolic", "step_budget"]))
        case "env/step": return try step(Params(params, allowed: ["env", "action"]))
        case "env/legal_actions": return try legalActions(Params(params, allowed: ["env"]))
        case "env/render": return try render(Params(params, allowed: ["env", "style"]))
        case "env/snapshot": return try snapshot(Params(params, allowed: ["env"]))
        case "env/restore": return try restore(Params(params, allowed: ["env", "token"]))
        case "env/drop_snapshot": return try dropSnapshot(Params(params, allowed: ["token"]))
        case "env/close": return try close(Params(params, allowed: ["env"]))
        case "shutdown":
            _ = try Params(params, allowed: [])
            isShutDown = true
            return EmptyResult()
        default:
            throw RPCError(.methodNotFound, "unknown method \"\(method)\"; valid methods: \(Self.methods.joined(separator: ", "))")
        }
    }

    private mutating func initialize(_ params: Params) throws(RPCError) -> InitializeResult {
        let presented = try params.string("token")
        if let token {
            guard let presented else { throw RPCError(.unauthorized, "this server needs a token: missing param \"token\"") }
            guard TokenCheck.matches(presented, token) else { throw RPCError(.unauthorized, "wrong token") }
            isAuthorized = true
        }
        let version = try params.requiredString("protocol_version")
        guard version == ProtocolVersion.current else {
            throw RPCError(.unsupportedVersion, "protocol version \"\(version)\" is not supported; this server speaks \"\(ProtocolVersion.current)\"")
        }
        return InitializeResult(protocolVersion: ProtocolVersion.current, server: ServerInfo(name: "delve", version: DelveVersion.current),
                                limits: limits, methods: Self.methods)
    }

    private func worldsList(_ params: Params) throws(RPCError) -> WorldsListResult {
        WorldsListResult(families: catalog.families.map { family in
            FamilyEntry(family: family.name, summary: family.summary, revision: family.revision, images: family.isVisual, tasks: family.tasks.map {
                TaskEntry(task: $0.id, summary: $0.summary, stepBudget: $0.stepBudget, options: $0.options)
            })
        })
    }

    private mutating func reset(_ params: Params) throws(RPCError) -> ResetResult {
        let existing = try params.string("env")
        var env: Env
        if let existing {
            env = try live(existing)
            if let name = try taskName(params) {
                let includeMap = env.includeMap, includeSymbolic = env.includeSymbolic, imaging = env.imaging
                env = Env(task: try task(name))
                env.includeMap = includeMap
                env.includeSymbolic = includeSymbolic
                env.imaging = imaging
            }
        } else {
            guard envs.count < limits.maximumEnvs else {
                throw RPCError(.tooManyEnvs, "\(envs.count) envs are live, the limit; close one with env/close first")
            }
            guard let name = try taskName(params) else { throw RPCError(.invalidParams, "missing param \"task\"") }
            env = Env(task: try task(name))
        }
        let seed = try params.int("seed", in: 0...Int(Seeds.range.upperBound)) ?? 0
        let budget = try params.int("step_budget", in: 1...Int(Int32.max))
        var options = try params.options("options")
        if let profile = try params.string("profile") {
            guard let chosen = Profile(rawValue: profile) else {
                throw RPCError(.invalidParams, "unknown profile \"\(profile)\"; valid profiles: "
                               + Profile.allCases.map(\.rawValue).joined(separator: ", "))
            }
            options.profile = chosen
        }
        if let map = try params.bool("map") { env.includeMap = map }
        if let symbolic = try params.bool("symbolic") { env.includeSymbolic = symbolic }
        if let image = try params.frameRequest("image") { env.imaging = image.map { Imaging.png($0) } }
        if env.imaging != nil, !env.task.isVisual {
            throw RPCError(.invalidParams, "\(env.task.id) has no picture: its family is text only; "
                           + "families with pictures: \(catalog.visualFamilies.joined(separator: ", "))")
        }
        let observation: Observation
        do {
            observation = try env.reset(seed: UInt64(seed), options: options, budget: budget)
        } catch {
            throw RPCError(.invalidParams, error.description)
        }
        let id: String
        if let existing {
            envs[existing] = env
            id = existing
        } else {
            id = envs.insert(env)
            started(id)
        }
        let info = ResetInfo(task: env.task.id, seed: env.seed, revision: env.world.revision, stepBudget: env.budget,
                             instructions: env.world.instructions, profile: env.profile)
        return ResetResult(env: id, observation: observation, info: info)
    }

    /// The task `params` names: `task` as FAMILY/TASK, or `world` and `task` apart.
    private func taskName(_ params: Params) throws(RPCError) -> String? {
        let task = try params.string("task")
        guard let world = try params.string("world") else { return task }
        guard let task else { return world }
        return "\(world)/\(task)"
    }

    private func task(_ name: String) throws(RPCError) -> TaskSpec {
        do {
            return try catalog.task(name)
        } catch {
            throw RPCError(.unknownTask, error.description)
        }
    }

    private func live(_ id: String) throws(RPCError) -> Env {
        guard let env = envs[id] else { throw missing(id) }
        return env
    }

    /// The error for naming an env that is not live.
    private func missing(_ id: String) -> RPCError {
        if evicted.contains(id) { return evictedError(id) }
        let valid = envs.ids.isEmpty ? "no envs are live" : "live envs: \(envs.ids.joined(separator: ", "))"
        return RPCError(.unknownEnv, "unknown env \"\(id)\"; \(valid)")
    }

    private mutating func step(_ params: Params) throws(RPCError) -> StepReply {
        let id = try params.requiredString("env")
        let action = try params.requiredString("action")
        let stepped = try envs.update(id) { (env: inout Env) throws(RPCError) -> StepReply in
            do throws(EnvError) {
                return StepReply(try env.step(action), invalidActions: env.invalidActions)
            } catch {
                throw RPCError(.episodeOver, "env \"\(id)\": \(error.description)")
            }
        }
        guard let stepped else { throw missing(id) }
        return stepped
    }

    private func legalActions(_ params: Params) throws(RPCError) -> LegalActionsResult {
        LegalActionsResult(legalActions: try live(params.requiredString("env")).world.legalActions)
    }

    private func render(_ params: Params) throws(RPCError) -> RenderResult {
        let env = try live(params.requiredString("env"))
        let name = try params.string("style") ?? RenderStyle.ascii.rawValue
        guard let style = RenderStyle(rawValue: name) else {
            let valid = RenderStyle.allCases.map(\.rawValue).joined(separator: ", ")
            throw RPCError(.invalidParams, "unknown style \"\(name)\"; valid styles: \(valid)")
        }
        return RenderResult(text: TerminalMap.text(env.world.map, style: style))
    }

    private mutating func snapshot(_ params: Params) throws(RPCError) -> SnapshotResult {
        let env = try live(params.requiredString("env"))
        guard snapshots.count < limits.maximumSnapshots else {
            throw RPCError(.tooManySnapshots, "\(snapshots.count) snapshots are kept, the limit; drop one with env/drop_snapshot first")
        }
        return SnapshotResult(token: snapshots.insert(env))
    }

    private mutating func restore(_ params: Params) throws(RPCError) -> RestoreResult {
        let id = try params.requiredString("env")
        _ = try live(id)
        let env = try kept(params.requiredString("token"))
        envs[id] = env
        return RestoreResult(env: env)
    }

    private mutating func dropSnapshot(_ params: Params) throws(RPCError) -> EmptyResult {
        let token = try params.requiredString("token")
        _ = try kept(token)
        snapshots.remove(token)
        return EmptyResult()
    }

    private func kept(_ token: String) throws(RPCError) -> Env {
        guard let env = snapshots[token] else { throw RPCError(.unknownSnapshot, "unknown snapshot token \"\(token)\"") }
        return env
    }

    private mutating func close(_ params: Params) throws(RPCError) -> EmptyResult {
        let id = try params.requiredString("env")
        _ = try live(id)
        envs.remove(id)
        closed(id)
        return EmptyResult()
    }
}
