extension Array where Element == Double {
    /// The median of a non-empty array: its middle value once sorted, or the
    /// mean of the two middle values when the count is even.
    public var median: Double {
        let sorted = sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
