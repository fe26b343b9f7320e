/// Integer helpers for `Swift.Duration` used by the state machines.
///
/// The machines keep their clocks as signed 64-bit nanosecond offsets from an origin instant:
/// integer arithmetic is exact, cheap and cannot allocate. 2^63 ns is about 292 years, so the
/// clamping below only matters for absurd configuration values.
extension Duration {
    /// This duration in whole nanoseconds, rounded toward zero and clamped to `Int64`.
    ///
    /// Example: `Duration.milliseconds(1.5).nanosecondsClamped == 1_500_000`.
    ///
    /// Non-negative durations (every clock offset the machines take) use one 128-by-64-bit
    /// division of the attosecond count (`Duration`'s frozen `_high`/`_low` words) instead of
    /// `components`, whose generic `Int128` arithmetic costs ~250 instructions per call.
    @inlinable
    var nanosecondsClamped: Int64 {
        guard _high >= 0 else { return nanosecondsFromComponents }
        let divisor: UInt64 = 1_000_000_000
        let high = UInt64(_high)
        // attoseconds ≥ 2^64 × 10^9 means nanoseconds ≥ 2^64: clamp (the quotient must fit in 64 bits).
        guard high < divisor else { return Int64.max }
        let nanos = divisor.dividingFullWidth((high, _low)).quotient
        return nanos > UInt64(Int64.max) ? Int64.max : Int64(nanos)
    }

    /// The portable (slower) conversion, used for negative durations.
    @usableFromInline
    var nanosecondsFromComponents: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? Int64.min : Int64.max }
        let (sum, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? Int64.min : Int64.max }
        return sum
    }

    /// This duration in whole nanoseconds rounded up (ceiling), clamped to `Int64`.
    var nanosecondsRoundedUp: Int64 {
        let truncated = nanosecondsClamped
        let (_, attoseconds) = components
        if attoseconds % 1_000_000_000 > 0, truncated < Int64.max { return truncated + 1 }
        return truncated
    }

    /// Whole seconds, rounded up; never negative. `Duration.milliseconds(1001).secondsRoundedUp == 2`.
    var secondsRoundedUp: Int {
        let nanos = nanosecondsClamped
        if nanos <= 0 { return 0 }
        return Int((nanos + 999_999_999) / 1_000_000_000)
    }
}

extension InstantProtocol where Duration == Swift.Duration {
    /// Nanoseconds from `origin` to `self` (negative if `self` is earlier).
    @inlinable
    func nanoseconds(since origin: Self) -> Int64 {
        origin.duration(to: self).nanosecondsClamped
    }
}

/// Saturating helpers for the integer clock arithmetic.
@usableFromInline
enum SaturatingMath {
    /// `a + b` clamped to `Int64`.
    @inlinable
    static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { return b > 0 ? Int64.max : Int64.min }
        return sum
    }

    /// `a * b` clamped to `Int64`.
    @inlinable
    static func multiply(_ a: Int64, _ b: Int64) -> Int64 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { return (a < 0) != (b < 0) ? Int64.min : Int64.max }
        return product
    }
}
