/// The retry budget as a pure state machine: a bucketed sliding window of first attempts and
/// retries. See ``RetryBudgetConfig`` for the rule.
public struct RetryBudgetMachine<Instant: InstantProtocol<Duration>>: Sendable {
    private typealias Bucket = RetryBudgetBucket

    /// The configuration in force.
    public let config: RetryBudgetConfig
    private let origin: Instant
    private let slotNanos: Int64
    private let floor: Double
    private var buckets: [Bucket]
    private var head: Int64 = 0
    /// End of slot `head` as an offset from `origin`: an instant before it needs no bucket
    /// arithmetic (comparing two `Duration`s is much cheaper than converting one to nanoseconds).
    private var headEnd: Duration
    /// First attempts in the window.
    public private(set) var requests = 0
    /// Retries in the window.
    public private(set) var retries = 0
    /// Retries refused by the budget since creation.
    public private(set) var refused: UInt64 = 0

    /// Creates an empty budget; `origin` is the instant clock readings are measured from.
    public init(config: RetryBudgetConfig, origin: Instant, buckets: Int = 10) {
        self.config = config
        self.origin = origin
        let count = max(buckets, 1)
        let window = max(config.window.nanosecondsClamped, Int64(count))
        self.slotNanos = window / Int64(count)
        self.headEnd = .nanoseconds(window / Int64(count))
        self.floor = Double(max(config.minPerSecond, 0)) * Double(window) / 1e9
        self.buckets = Array(repeating: Bucket(), count: count)
    }

    /// Counts a first attempt.
    public mutating func recordRequest(at now: Instant) {
        let index = advance(to: now)
        buckets[index].requests += 1
        requests += 1
    }

    /// Retries the budget would allow now: `⌊ratio × requests + floor⌋ − retries`, ≥ 0.
    public mutating func available(at now: Instant) -> Int {
        _ = advance(to: now)
        return max(Int(allowance) - retries, 0)
    }

    /// Takes one retry from the budget if `retries + 1 ≤ ratio × requests + floor`.
    public mutating func tryWithdraw(at now: Instant) -> Bool {
        let index = advance(to: now)
        guard Double(retries + 1) <= allowance else {
            refused &+= 1
            return false
        }
        buckets[index].retries += 1
        retries += 1
        return true
    }

    private var allowance: Double {
        max(config.ratio, 0) * Double(requests) + floor
    }

    private mutating func advance(to now: Instant) -> Int {
        let count = Int64(buckets.count)
        let offset = origin.duration(to: now)
        if offset < headEnd { return Int(head % count) }
        let slot = max(offset.nanosecondsClamped, 0) / slotNanos
        if slot > head {
            var step: Int64 = 1
            let steps = min(slot - head, count)
            while step <= steps {
                let index = Int((head + step) % count)
                requests -= buckets[index].requests
                retries -= buckets[index].retries
                buckets[index] = Bucket()
                step += 1
            }
            head = slot
            headEnd = .nanoseconds(SaturatingMath.multiply(head + 1, slotNanos))
        }
        return Int(head % count)
    }
}

/// One slot of a ``RetryBudgetMachine``'s window. Declared outside the generic machine so that
/// its type (and `[RetryBudgetBucket]`'s) is not generic: code not specialised for the instant
/// type then needs no run-time generic metadata lookup per call (~1 000 instructions before).
private struct RetryBudgetBucket: Sendable {
    var requests: Int = 0
    var retries: Int = 0
}
