extension Duration {
    /// Whole seconds, rounded up, at least `minimum`: Kubernetes and compose probe fields take
    /// integers, and rounding down could turn a 1.5 s timeout into a 1 s one that fails healthy pods.
    func wholeSeconds(minimum: Int = 1) -> Int {
        let (seconds, attoseconds) = components
        let rounded = Int(seconds) + (attoseconds > 0 ? 1 : 0)
        return max(minimum, rounded)
    }

    /// A compose/Docker duration such as `10s`, `1m30s` or `250ms`.
    var dockerText: String {
        let (seconds, attoseconds) = components
        if attoseconds == 0 { return "\(seconds)s" }
        let milliseconds = Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
        return "\(milliseconds)ms"
    }
}
