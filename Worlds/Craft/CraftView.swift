import DelveCore

/// How the "You see:" block is written: BALROG's four Crafter observation
/// settings (`crafter_kwargs` in its config), as task options.
///
/// ```
/// delve eval --task craft/balrog --option unique_items=false --option skip_items=grass,sand,path
/// ```
struct CraftView: Sendable, Hashable {
    /// Only the nearest thing of each kind (BALROG's default); else every cell.
    var uniqueItems = true
    /// "2 steps north and 1 step east" instead of "3 steps to your north-east".
    var preciseLocation = false
    /// Kinds (indices into `CraftText.kindNames`) never listed, and shown as
    /// "nothing" when faced.
    var skipItems: Set<Int> = []
    /// Kinds listed only on their border cells: those with a 4-neighbour in
    /// the window that holds something else.
    var edgeOnlyItems: Set<Int> = []

    /// BALROG's defaults: the fast path in `CraftText` writes exactly these.
    static let standard = CraftView()

    /// The options, with BALROG's defaults from its config.yaml.
    static let options: [OptionSpec] = [
        OptionSpec(name: "unique_items", summary: "list only the nearest thing of each kind (false: every cell in view)",
                   defaultValue: .bool(true)),
        OptionSpec(name: "precise_location", summary: "give offsets as \"2 steps north and 1 step east\" instead of \"3 steps to your north-east\"",
                   defaultValue: .bool(false)),
        OptionSpec(name: "skip_items", summary: "comma-separated kinds never listed (faced, they read \"nothing\"), e.g. grass,sand,path",
                   defaultValue: .string("")),
        OptionSpec(name: "edge_only_items", summary: "comma-separated kinds listed only at their borders in view, e.g. water,lava",
                   defaultValue: .string("")),
    ]

    /// Reads and checks the options; kind names are Crafter's.
    init(_ options: WorldOptions, task: String) throws(WorldError) {
        uniqueItems = try CraftView.bool("unique_items", options, fallback: true, task: task)
        preciseLocation = try CraftView.bool("precise_location", options, fallback: false, task: task)
        skipItems = try CraftView.kinds("skip_items", options, task: task)
        edgeOnlyItems = try CraftView.kinds("edge_only_items", options, task: task)
    }

    init() {}

    private static func bool(_ name: String, _ options: WorldOptions, fallback: Bool, task: String) throws(WorldError) -> Bool {
        switch options.values[name] {
        case nil: return fallback
        case let .bool(value)?: return value
        case let .int(value)? where value == 0 || value == 1: return value == 1
        case let other?: throw .badOption(task: task, name: name, reason: "expected true or false, got '\(other)'")
        }
    }

    private static func kinds(_ option: String, _ options: WorldOptions, task: String) throws(WorldError) -> Set<Int> {
        guard let value = options.values[option] else { return [] }
        guard case let .string(text) = value else {
            throw .badOption(task: task, name: option, reason: "expected comma-separated kind names, got '\(value)'")
        }
        var found: Set<Int> = []
        for word in text.split(separator: ",") {
            let name = String(word.filter { !$0.isWhitespace })
            guard let kind = CraftText.kindNames.firstIndex(of: name) else {
                throw .badOption(task: task, name: option,
                                 reason: "no kind '\(name)'; kinds: \(CraftText.kindNames.joined(separator: ", "))")
            }
            found.insert(kind)
        }
        return found
    }
}
