extension Duration {
    /// Whole milliseconds, rounded down, never negative: e.g. 1.5 s → 1500.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
