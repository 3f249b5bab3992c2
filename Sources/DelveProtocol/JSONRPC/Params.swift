import DelveCore
import DelveFormats

/// A method's by-name params, read field by field with errors that name the field.
struct Params {
    private let members: JSONObject

    /// Reads `value` as an object of params; absent params are an empty object.
    /// Any name outside `allowed` is refused, so a misspelt field is never silently ignored.
    init(_ value: JSONValue?, allowed: [String]) throws(RPCError) {
        switch value {
        case nil: members = [:]
        case let .object(members)?: self.members = members
        case let other?: throw RPCError(.invalidParams, "params must be an object, not \(other.typeName)")
        }
        if let unknown = members.members.lazy.map(\.key).filter({ !allowed.contains($0) }).min() {
            let valid = allowed.isEmpty ? "this method takes none" : "valid params: \(allowed.joined(separator: ", "))"
            throw RPCError(.invalidParams, "unknown param \"\(unknown)\"; \(valid)")
        }
    }

    /// Whether `name` was given.
    func has(_ name: String) -> Bool { members[name] != nil }

    /// A string param; nil when absent.
    func string(_ name: String) throws(RPCError) -> String? {
        switch members[name] {
        case nil: return nil
        case let .string(value)?: return value
        case let other?: throw mistyped(name, expected: "a string", got: other)
        }
    }

    /// A string param that must be given.
    func requiredString(_ name: String) throws(RPCError) -> String {
        guard let value = try string(name) else { throw missing(name) }
        return value
    }

    /// A boolean param; nil when absent.
    func bool(_ name: String) throws(RPCError) -> Bool? {
        switch members[name] {
        case nil: return nil
        case let .bool(value)?: return value
        case let other?: throw mistyped(name, expected: "a boolean", got: other)
        }
    }

    /// A whole-number param within `range`; nil when absent.
    func int(_ name: String, in range: ClosedRange<Int>) throws(RPCError) -> Int? {
        switch members[name] {
        case nil: return nil
        case let .int(value)? where range.contains(value): return value
        case let other?: throw mistyped(name, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)", got: other)
        }
    }

    /// An object of scalar option values; defaults when absent.
    func options(_ name: String) throws(RPCError) -> WorldOptions {
        switch members[name] {
        case nil: return .defaults
        case let .object(fields)?:
            var values: [String: OptionValue] = [:]
            for member in fields.uniqueMembers {
                let key = member.key, field = member.value
                switch field {
                case let .int(v): values[key] = .int(v)
                case let .double(v): values[key] = .double(v)
                case let .bool(v): values[key] = .bool(v)
                case let .string(v): values[key] = .string(v)
                default: throw RPCError(.invalidParams, "option \"\(key)\" must be a number, boolean or string, not \(field.typeName)")
                }
            }
            return WorldOptions(values)
        case let other?: throw mistyped(name, expected: "an object", got: other)
        }
    }

    /// The `image` param of `env/reset`: `true` (the agent's view at the
    /// default size), `false` (no pictures), or an object with `view`
    /// (`agent` or `full`) and `tile_size`. Nil when absent; `.some(nil)` for `false`.
    func frameRequest(_ name: String) throws(RPCError) -> FrameRequest?? {
        switch members[name] {
        case nil: return nil
        case let .bool(on)?: return .some(on ? FrameRequest() : nil)
        case let .object(fields)?:
            let valid = ["tile_size", "view"]
            if let unknown = fields.members.lazy.map(\.key).filter({ !valid.contains($0) }).min() {
                throw RPCError(.invalidParams, "unknown field \"\(unknown)\" in param \"\(name)\"; valid fields: \(valid.joined(separator: ", "))")
            }
            let inner = try Params(.object(fields), allowed: valid)
            let range = FrameRequest.tileSizes
            let size = try inner.int("tile_size", in: range.lowerBound...range.upperBound)
            let viewName = try inner.string("view") ?? FrameView.agent.rawValue
            guard let view = FrameView(rawValue: viewName) else {
                throw RPCError(.invalidParams, "unknown view \"\(viewName)\" in param \"\(name)\"; valid views: "
                               + FrameView.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return .some(FrameRequest(view: view, tileSize: size))
        case let other?: throw mistyped(name, expected: "a boolean or an object", got: other)
        }
    }

    private func missing(_ name: String) -> RPCError {
        RPCError(.invalidParams, "missing param \"\(name)\"")
    }

    private func mistyped(_ name: String, expected: String, got value: JSONValue) -> RPCError {
        let shown: String
        switch value {
        case let .int(v): shown = String(v)
        case let .double(v): shown = String(v)
        default: shown = value.typeName
        }
        return RPCError(.invalidParams, "param \"\(name)\" must be \(expected), not \(shown)")
    }
}
