import DelveCore
import DelveFormats
import DelvePlay

/// What `delve replay` shows of one frame: a header, the map, the action and
/// what it did, the observation. The map is written by `TerminalMap`, in
/// color or plain. Every other text, the agent's and
/// the run directory's, is shown with its control characters made visible
/// (`Escaping.terminal`), so none of it can act on the terminal.
public struct ReplayText: Sendable {
    /// Draw in ANSI color.
    public var color: Bool

    /// A formatter drawing in color or not.
    public init(color: Bool) { self.color = color }

    /// The screen for frame `index` of `replay`.
    public func frame(_ replay: EpisodeReplay, at index: Int) -> String {
        let record = replay.record
        var out = bold("\(Escaping.terminalLine(record.task))  seed \(record.seed)  step \(index)/\(max(replay.frames.count - 1, 0))") + "\n"
        if replay.status != .replayed { out += "(\(Escaping.terminalLine(replay.status.description)))\n" }
        guard replay.frames.indices.contains(index) else {
            return out + "Progress  \(record.progress) after \(record.steps) steps, ended \(record.endReason.rawValue)\n"
        }
        let frame = replay.frames[index]
        if let map = frame.map?.cells, !map.plainText.isEmpty {
            out += "\n" + TerminalMap.text(map, style: color ? .ansi : .ascii) + "\n"
        }
        out += "\n"
        if let action = frame.action { out += line("Action", action + (frame.valid ? "" : "  (invalid)")) }
        if let executed = frame.executed { out += line("Executed", executed) }
        if let reasoning = frame.reasoning, !reasoning.isEmpty { out += line("Reasoning", reasoning) }
        if index > 0 { out += line("Reward", number(frame.reward)) }
        out += line("Progress", "\(number(frame.progress))/100")
        if !frame.milestones.isEmpty { out += line("Milestone", frame.milestones.joined(separator: ", ")) }
        let observation = frame.observation
        if !observation.feedback.isEmpty { out += line("Feedback", observation.feedback) }
        if !observation.text.isEmpty { out += "\n" + Escaping.terminal(observation.text) + "\n\n" }
        if !observation.mission.isEmpty { out += line("Mission", observation.mission) }
        if !observation.status.isEmpty { out += line("Status", observation.status) }
        if let reason = frame.endReason { out += line("Ended", reason.rawValue) }
        return out
    }

    /// `label`, padded, then `value` made safe for the terminal.
    private func line(_ label: String, _ value: String) -> String {
        let padded = label + String(repeating: " ", count: max(0, 10 - label.count))
        return (color ? "\u{1B}[36m\(padded)\u{1B}[0m" : padded) + Escaping.terminal(value) + "\n"
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    private func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
