/// Sliding window of call outcomes used by the circuit breaker, in one ring of buckets.
///
/// - Count window of size `n`: `n` buckets, one per call; call number `s` goes to bucket
///   `s mod n`, evicting the call `n` before it.
/// - Time window of length `w` in `b` buckets: bucket `k` holds calls whose time slot
///   `⌊elapsed / (w / b)⌋` is `k`; moving to a later slot clears the buckets in between.
///
/// Totals are kept incrementally, so recording and reading are O(1) (amortised over slot moves)
/// and the ring is allocated once.
@usableFromInline
struct OutcomeWindow: Sendable {
    @usableFromInline
    struct Bucket: Sendable {
        @usableFromInline var calls: Int32 = 0
        @usableFromInline var failures: Int32 = 0
        @usableFromInline var slow: Int32 = 0

        @inlinable init() {}
    }

    @usableFromInline let isTimeBased: Bool
    /// Slot length in nanoseconds (time windows only).
    @usableFromInline let slotNanos: Int64
    @usableFromInline var buckets: [Bucket]
    /// Count window: the next call's sequence number. Time window: the latest slot seen.
    @usableFromInline var head: Int64 = 0
    @usableFromInline var calls = 0
    @usableFromInline var failures = 0
    @usableFromInline var slow = 0

    init(_ window: CircuitBreakerConfig.Window, timeBuckets: Int) {
        switch window {
        case .count(let size):
            isTimeBased = false
            slotNanos = 0
            buckets = Array(repeating: Bucket(), count: max(size, 1))
        case .time(let length):
            let count = max(timeBuckets, 1)
            isTimeBased = true
            slotNanos = max(length.nanosecondsClamped / Int64(count), 1)
            buckets = Array(repeating: Bucket(), count: count)
        }
    }

    /// Number of calls a count window holds, or `Int.max` for a time window.
    var capacity: Int { isTimeBased ? Int.max : buckets.count }

    /// Records one call; `elapsed` is nanoseconds since the breaker's origin.
    @inlinable
    mutating func record(failure: Bool, slow isSlow: Bool, elapsed: Int64) {
        let index: Int
        if isTimeBased {
            advance(elapsed: elapsed)
            index = Int(head % Int64(buckets.count))
        } else {
            index = Int(head % Int64(buckets.count))
            if head >= Int64(buckets.count) { evict(index) }
            head += 1
        }
        buckets[index].calls += 1
        calls += 1
        if failure {
            buckets[index].failures += 1
            failures += 1
        }
        if isSlow {
            buckets[index].slow += 1
            slow += 1
        }
    }

    /// Expires time buckets older than the window (no-op for count windows).
    @usableFromInline
    mutating func advance(elapsed: Int64) {
        guard isTimeBased else { return }
        let slot = max(elapsed, 0) / slotNanos
        guard slot > head else { return }
        let steps = min(slot - head, Int64(buckets.count))
        var step: Int64 = 1
        while step <= steps {
            evict(Int((head + step) % Int64(buckets.count)))
            step += 1
        }
        head = slot
    }

    mutating func reset() {
        for index in buckets.indices { buckets[index] = Bucket() }
        calls = 0
        failures = 0
        slow = 0
        if !isTimeBased { head = 0 }
    }

    @inlinable
    mutating func evict(_ index: Int) {
        let old = buckets[index]
        calls -= Int(old.calls)
        failures -= Int(old.failures)
        slow -= Int(old.slow)
        buckets[index] = Bucket()
    }
}
