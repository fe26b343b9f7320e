#if os(Linux) && canImport(Glibc)
    import Glibc
#endif

/// A direct read of the time source behind `ContinuousClock` on Linux (`CLOCK_BOOTTIME`, which is
/// what the Swift runtime's `swift_get_time` reads for the continuous clock), as whole
/// nanoseconds.
///
/// Used by ``CircuitBreaker`` to time calls for slow-call detection when its clock is
/// `ContinuousClock`: the same clock at the same (nanosecond) resolution, so the measured
/// durations are the ones `ContinuousClock.now` would give, but without the standard library's
/// non-inlinable `now` and `Instant.duration(to:)` calls and their opaque `Instant` copies.
/// A coarse clock (`CLOCK_MONOTONIC_COARSE`) is not used: its resolution here is 4 ms and its
/// lag behind real time is a kernel implementation detail, so it could misclassify a call close
/// to the slow-call threshold.
@usableFromInline
enum ContinuousNanos {
    /// Whether ``read()`` is available and reads `ContinuousClock`'s time source.
    @inlinable
    static var isAvailable: Bool {
        #if os(Linux) && canImport(Glibc)
            true
        #else
            false
        #endif
    }

    /// Nanoseconds on `ContinuousClock`'s time source; `0` where ``isAvailable`` is false.
    @inlinable
    static func read() -> Int64 {
        #if os(Linux) && canImport(Glibc)
            var time = timespec()
            _ = clock_gettime(CLOCK_BOOTTIME, &time)
            return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
        #else
            return 0
        #endif
    }
}
