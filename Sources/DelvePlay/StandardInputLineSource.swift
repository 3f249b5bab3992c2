/// Lines from standard input without readline, for pipes and scripts:
/// `printf 'go forward\n' | delve play grid/goto --seed 7`.
///
/// Each line read is written back after the prompt, so the output reads as a
/// transcript of what was played.
public struct StandardInputLineSource: LineSource {
    private var output: StandardOutput

    /// Reads standard input and echoes to standard output.
    public init() { output = StandardOutput() }

    /// Reads the next line; nil at end of input.
    public mutating func readLine(prompt: String, completions: [String]) -> String? {
        guard let line = Swift.readLine(strippingNewline: true) else { return nil }
        output.write(prompt + line + "\n")
        return line
    }
}
