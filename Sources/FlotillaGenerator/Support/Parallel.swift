import Dispatch
import Synchronization

/// Order-preserving parallel map over independent items (one service's files, one document),
/// so a thousand services use every core. The result equals the sequential map's, so output
/// stays deterministic.
enum Parallel {
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) throws -> Result
    ) throws -> [Result] {
        guard items.count > 1 else { return try items.map(transform) }
        let results = Mutex<[Int: Swift.Result<Result, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let result = Swift.Result { try transform(items[index]) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { stored in
            try items.indices.map { index in
                guard let result = stored[index] else {
                    throw GeneratorError("internal: item \(index) was not produced")
                }
                return try result.get()
            }
        }
    }
}
