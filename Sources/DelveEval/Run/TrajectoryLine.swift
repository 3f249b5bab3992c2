import DelveCore
import DelveFormats

/// Writes a trajectory step as one JSON line, byte for byte what
/// `JSONFormat.compact()` would write (sorted keys, unescaped slashes), several
/// times faster: trajectories hold most of the bytes a run writes.
enum TrajectoryLine {
    /// `step` as a JSON object and a newline, appended to `out`.
    static func append(_ step: TrajectoryStep, to out: inout JSONOutput) {
        out.raw("{\"action\":"); out.string(step.action)
        if let reason = step.endReason { out.raw(",\"end_reason\":"); out.string(reason.rawValue) }
        if let executed = step.executed { out.raw(",\"executed\":"); out.string(executed) }
        out.raw(",\"latency\":"); out.double(step.latency)
        out.raw(",\"milestones\":"); out.strings(step.milestones)
        out.raw(",\"observation\":"); step.observation.write(to: &out)
        out.raw(",\"progress\":"); out.double(step.progress)
        if let prompt = step.prompt { out.raw(",\"prompt\":"); out.string(prompt) }
        if let raw = step.raw { out.raw(",\"raw\":"); out.string(raw) }
        if let reasoning = step.reasoning { out.raw(",\"reasoning\":"); out.string(reasoning) }
        out.raw(",\"reward\":"); out.double(step.reward)
        out.raw(",\"step\":"); out.int(step.step)
        if let usage = step.usage { out.raw(",\"usage\":"); self.usage(usage, &out) }
        out.raw(step.valid ? ",\"valid\":true}\n" : ",\"valid\":false}\n")
    }

    private static func usage(_ usage: Usage, _ out: inout JSONOutput) {
        out.raw("{\"completion_tokens\":"); out.int(usage.completionTokens)
        if let cost = usage.costUSD { out.raw(",\"cost_usd\":"); out.double(cost) }
        out.raw(",\"prompt_tokens\":"); out.int(usage.promptTokens)
        out.byte(UInt8(ascii: "}"))
    }
}
