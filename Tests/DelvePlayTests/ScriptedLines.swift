import DelvePlay

/// A `LineSource` that plays a fixed script and remembers what it was offered.
struct ScriptedLines: LineSource {
    var script: [String]
    /// The completions offered at each prompt, in order.
    var offered: [[String]] = []

    init(_ script: [String]) { self.script = script }

    mutating func readLine(prompt: String, completions: [String]) -> String? {
        offered.append(completions)
        return script.isEmpty ? nil : script.removeFirst()
    }
}
