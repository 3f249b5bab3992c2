import DelveCore
import DelvePlay

/// A `KeySource` that plays a fixed list of keys and counts how often the terminal was given back.
struct ScriptedKeys: KeySource {
    var script: [Key]
    var releases = 0

    init(_ script: [Key]) { self.script = script }

    mutating func readKey() -> Key? { script.isEmpty ? nil : script.removeFirst() }

    mutating func release() { releases += 1 }
}
