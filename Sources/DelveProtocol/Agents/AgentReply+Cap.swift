import DelveCore

extension AgentReply {
    /// The reply with each of its texts (action, reasoning, raw output,
    /// prompt) cut to at most `limit` bytes of UTF-8, on a code point boundary,
    /// and marked `…[truncated N bytes]` where it was cut: what an agent
    /// sends cannot grow a trajectory, or the memory that holds an episode's steps, without bound.
    func capped(toBytes limit: Int) -> AgentReply {
        AgentReply(action: Self.cap(action, limit), reasoning: reasoning.map { Self.cap($0, limit) }, usage: usage,
                   raw: raw.map { Self.cap($0, limit) }, prompt: prompt.map { Self.cap($0, limit) })
    }

    /// `text` itself when it is at most `limit` bytes; else its longest prefix
    /// of whole code points within `limit` bytes and `…[truncated N bytes]`, N the bytes left out.
    static func cap(_ text: String, _ limit: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: max(0, limit))
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        let kept = utf8.distance(from: utf8.startIndex, to: end)
        return String(decoding: utf8[..<end], as: UTF8.self) + "…[truncated \(utf8.count - kept) bytes]"
    }
}
