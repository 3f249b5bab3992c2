extension Duration {
    /// The duration in seconds, as a `Double` (latencies, rates, deadlines shown to people).
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
