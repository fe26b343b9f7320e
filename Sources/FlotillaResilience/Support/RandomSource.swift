/// A source of uniformly distributed numbers in `0 ..< 1`, injectable so tests can pin jitter.
///
/// ```swift
/// let fixed = RandomSource { 0.5 }             // every backoff is half its ceiling
/// let real = RandomSource.system               // SystemRandomNumberGenerator
/// ```
public struct RandomSource: Sendable {
    private let unit: @Sendable () -> Double

    /// Creates a source from a closure returning values in `0 ..< 1`; values outside are clamped.
    public init(_ unit: @escaping @Sendable () -> Double) {
        self.unit = unit
    }

    /// The next value, clamped into `0 ... 1`.
    public func next() -> Double {
        let value = unit()
        if value.isNaN || value < 0 { return 0 }
        return value > 1 ? 1 : value
    }

    /// Uses the stdlib's `SystemRandomNumberGenerator` (thread-safe, no shared state).
    public static let system = RandomSource { Double.random(in: 0..<1) }
}
