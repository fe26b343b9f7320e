import SQLiteKit

/// A bounded, first-come-first-served pool of SQLite connections.
///
/// With `limit` 1 it is the serialized writer: one connection, leased by one transaction at a time,
/// in arrival order, so writers of this process queue here instead of spinning on SQLite's lock.
actor FIFOConnectionPool {
    private let limit: Int
    private let open: @Sendable () async throws -> SQLiteConnection
    private var idle: [SQLiteConnection] = []
    private var opened = 0
    private var waiters: [CheckedContinuation<SQLiteConnection, any Error>] = []
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []
    private var isClosed = false

    init(limit: Int, open: @escaping @Sendable () async throws -> SQLiteConnection) {
        self.limit = max(1, limit)
        self.open = open
    }

    /// A pool dropped without ``close()`` (its owner failed before shutting down) still closes its
    /// idle connections; each one stays alive until its close has run.
    deinit {
        for connection in idle { _ = connection.close() }
    }

    /// Takes an idle connection, opens a new one below the limit, or waits in line.
    func lease() async throws -> SQLiteConnection {
        guard !isClosed else { throw DatabaseError.shutDown }
        if let connection = idle.popLast() { return connection }
        if opened < limit {
            opened += 1
            do {
                return try await open()
            } catch {
                opened -= 1
                if opened == 0 { failWaiters(error) }
                resumeDrainWaitersIfDrained()
                throw error
            }
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    /// Returns a connection: to the next waiter, to the idle list, or closed after shutdown.
    func release(_ connection: SQLiteConnection) async {
        if isClosed {
            await Self.close(connection)
            opened -= 1
            resumeDrainWaitersIfDrained()
        } else if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    /// Stops lending, closes idle connections and waits until leased ones come back.
    func close() async {
        isClosed = true
        failWaiters(DatabaseError.shutDown)
        let connections = idle
        idle = []
        for connection in connections {
            await Self.close(connection)
            opened -= 1
        }
        if opened > 0 {
            await withCheckedContinuation { drainWaiters.append($0) }
        }
    }

    /// Closes `connection` even when the caller is cancelled: an SQLite connection must be closed
    /// before it is released, and a cancelled `close()` would skip that.
    static func close(_ connection: SQLiteConnection) async {
        await Task { try? await connection.close() }.value
    }

    private func failWaiters(_ error: any Error) {
        let pending = waiters
        waiters = []
        for waiter in pending { waiter.resume(throwing: error) }
    }

    private func resumeDrainWaitersIfDrained() {
        guard isClosed, opened == 0 else { return }
        let pending = drainWaiters
        drainWaiters = []
        for waiter in pending { waiter.resume() }
    }
}
