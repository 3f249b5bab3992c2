import DelveFormats

extension Observation {
    /// Writes the observation as JSON, keys sorted, exactly as `JSONEncoder`
    /// would. The legal actions and mission are copied from what `output`
    /// wrote last when they are the same (`JSONOutput.Repeats`).
    public func write(to output: inout JSONOutput) {
        // The record of repeats leaves `output` while it is written to, and goes back after.
        var repeats = output.repeats
        output.repeats = JSONOutput.Repeats()
        defer { output.repeats = repeats }
        output.raw("{\"feedback\":")
        output.string(feedback)
        if let image {
            output.raw(",\"image\":")
            image.write(to: &output)
        }
        output.raw(",\"legal_actions\":")
        repeats.strings.write(legalActions, to: &output) { $0.strings($1) }
        if let map {
            output.raw(",\"map\":")
            output.strings(map)
        }
        output.raw(",\"mission\":")
        repeats.string.write(mission, to: &output) { $0.string($1) }
        output.raw(",\"status\":")
        output.string(status)
        if let symbolic {
            output.raw(",\"symbolic\":{")
            for (index, name) in symbolic.keys.sorted().enumerated() {
                if index > 0 { output.byte(UInt8(ascii: ",")) }
                output.string(name)
                output.byte(UInt8(ascii: ":"))
                symbolic[name]?.write(to: &output)
            }
            output.byte(UInt8(ascii: "}"))
        }
        output.raw(",\"text\":")
        output.string(text)
        output.byte(UInt8(ascii: "}"))
    }
}
