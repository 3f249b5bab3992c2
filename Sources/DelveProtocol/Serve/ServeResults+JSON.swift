import DelveCore
import DelveFormats

// The results serve mode answers most, written without `JSONEncoder`: keys in
// sorted order, each with its punctuation in one literal. JSONOutputTests
// checks every one against `JSONEncoder`.

extension RPCError: JSONWritable {
    public func write(to output: inout JSONOutput) {
        output.raw("{\"code\":")
        output.int(code.rawValue)
        output.raw(",\"message\":")
        output.string(message)
        output.byte(UInt8(ascii: "}"))
    }
}

extension EmptyResult: JSONWritable {
    func write(to output: inout JSONOutput) { output.raw("{}") }
}

extension StepReply: JSONWritable {
    func write(to output: inout JSONOutput) {
        output.raw("{\"info\":{")
        if let endReason = info.endReason {
            output.raw("\"end_reason\":")
            output.string(endReason.rawValue)
            output.raw(",\"invalid_actions\":")
        } else {
            output.raw("\"invalid_actions\":")
        }
        output.int(info.invalidActions)
        output.raw(",\"step\":")
        output.int(info.step)
        output.raw(",\"valid\":")
        output.bool(info.valid)
        output.raw("},\"milestones\":")
        output.strings(milestones)
        output.raw(",\"observation\":")
        observation.write(to: &output)
        output.raw(",\"progress\":")
        output.double(progress)
        output.raw(",\"reward\":")
        output.double(reward)
        output.raw(",\"terminated\":")
        output.bool(terminated)
        output.raw(",\"truncated\":")
        output.bool(truncated)
        output.byte(UInt8(ascii: "}"))
    }
}

extension ResetResult: JSONWritable {
    func write(to output: inout JSONOutput) {
        output.raw("{\"env\":")
        output.string(env)
        output.raw(",\"info\":{\"instructions\":")
        output.string(info.instructions)
        output.raw(",\"profile\":")
        output.string(info.profile.rawValue)
        output.raw(",\"revision\":")
        output.int(info.revision)
        output.raw(",\"seed\":")
        output.bytes.append(contentsOf: String(info.seed).utf8)
        output.raw(",\"step_budget\":")
        output.int(info.stepBudget)
        output.raw(",\"task\":")
        output.string(info.task)
        output.raw("},\"observation\":")
        observation.write(to: &output)
        output.byte(UInt8(ascii: "}"))
    }
}

extension LegalActionsResult: JSONWritable {
    func write(to output: inout JSONOutput) {
        output.raw("{\"legal_actions\":")
        output.strings(legalActions)
        output.byte(UInt8(ascii: "}"))
    }
}

extension SnapshotResult: JSONWritable {
    func write(to output: inout JSONOutput) {
        output.raw("{\"token\":")
        output.string(token)
        output.byte(UInt8(ascii: "}"))
    }
}

extension RenderResult: JSONWritable {
    func write(to output: inout JSONOutput) {
        output.raw("{\"text\":")
        output.string(text)
        output.byte(UInt8(ascii: "}"))
    }
}

extension RestoreResult: JSONWritable {
    func write(to output: inout JSONOutput) {
        output.raw("{\"done\":")
        output.bool(done)
        output.raw(",\"observation\":")
        observation.write(to: &output)
        output.raw(",\"progress\":")
        output.double(progress)
        output.raw(",\"steps\":")
        output.int(steps)
        output.byte(UInt8(ascii: "}"))
    }
}
