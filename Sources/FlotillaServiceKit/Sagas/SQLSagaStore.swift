import FlotillaSaga
import FlotillaStore
import Foundation
import SQLKit

/// A ``SagaStore`` on the service's database (`flotilla_sagas`, `flotilla_saga_steps`), SQLite or
/// PostgreSQL. Every write is one transaction; an update is conditional on the saga's `version`
/// (`UPDATE … WHERE id = ? AND version = ?`), so when two instances resume the same saga only the
/// first writer wins and the other gets ``SagaStoreError/versionConflict(id:expected:)``. Times are
/// stored as milliseconds since the Unix epoch.
public struct SQLSagaStore: SagaStore {
    /// The database holding the kit's tables.
    public let database: Database

    /// Creates a store on `database` (migrated with the kit's tables).
    public init(database: Database) {
        self.database = database
    }

    /// Inserts the saga and its steps in one transaction.
    public func create(_ saga: SagaRecord) async throws {
        try await database.transaction { tx in
            let inserted = try await tx.sql.raw(
                """
                INSERT INTO flotilla_sagas (id, name, state, current_step, payload, version, created_at, updated_at, \
                finished_at, last_error) VALUES (\(bind: saga.id), \(bind: saga.name), \(bind: saga.phase.rawValue), \
                \(bind: saga.currentStep), \(bind: saga.payload), \(bind: saga.version), \
                \(bind: saga.createdAt.sagaMilliseconds), \(bind: saga.updatedAt.sagaMilliseconds), \
                \(bind: saga.finishedAt?.sagaMilliseconds), \(bind: saga.lastError)) \
                ON CONFLICT (id) DO NOTHING RETURNING id
                """
            ).first()
            guard inserted != nil else { throw SagaStoreError.duplicate(id: saga.id) }
            for step in saga.steps {
                try await tx.sql.raw(
                    """
                    INSERT INTO flotilla_saga_steps (saga_id, step_index, step_name, state, attempts, idempotency_key, \
                    started_at, finished_at, last_error) VALUES (\(bind: saga.id), \(bind: step.index), \
                    \(bind: step.name), \(bind: step.state.rawValue), \(bind: step.attempts), \
                    \(bind: step.idempotencyKey), \(bind: step.startedAt?.sagaMilliseconds), \
                    \(bind: step.finishedAt?.sagaMilliseconds), \(bind: step.lastError))
                    """
                ).run()
            }
        }
    }

    /// Writes the saga's row, if still at `expectedVersion`, and the given step's row, in one transaction.
    public func update(_ saga: SagaRecord, step: Int?, expectedVersion: Int64) async throws {
        let changed = step.flatMap { index in saga.steps.first { $0.index == index } }
        try await database.transaction { tx in
            let updated = try await tx.sql.raw(
                """
                UPDATE flotilla_sagas SET state = \(bind: saga.phase.rawValue), current_step = \(bind: saga.currentStep), \
                payload = \(bind: saga.payload), version = \(bind: saga.version), \
                updated_at = \(bind: saga.updatedAt.sagaMilliseconds), \
                finished_at = \(bind: saga.finishedAt?.sagaMilliseconds), last_error = \(bind: saga.lastError) \
                WHERE id = \(bind: saga.id) AND version = \(bind: expectedVersion) RETURNING id
                """
            ).first()
            guard updated != nil else { throw SagaStoreError.versionConflict(id: saga.id, expected: expectedVersion) }
            guard let changed else { return }
            try await tx.sql.raw(
                """
                UPDATE flotilla_saga_steps SET state = \(bind: changed.state.rawValue), attempts = \(bind: changed.attempts), \
                started_at = \(bind: changed.startedAt?.sagaMilliseconds), \
                finished_at = \(bind: changed.finishedAt?.sagaMilliseconds), last_error = \(bind: changed.lastError) \
                WHERE saga_id = \(bind: saga.id) AND step_index = \(bind: changed.index)
                """
            ).run()
        }
    }

    /// The saga with this id and its steps, or nil.
    public func load(id: String) async throws -> SagaRecord? {
        let rows = try await database.sql.raw("SELECT * FROM flotilla_sagas WHERE id = \(bind: id)").all()
        return try await records(from: rows).first
    }

    /// Unfinished sagas (`finished_at IS NULL`) of `name`, oldest created first.
    public func loadUnfinished(name: String, updatedBefore: Date?, limit: Int?) async throws -> [SagaRecord] {
        var query: SQLQueryString = "SELECT * FROM flotilla_sagas WHERE name = \(bind: name) AND finished_at IS NULL"
        if let updatedBefore { query += " AND updated_at < \(bind: updatedBefore.sagaMilliseconds)" }
        query += " ORDER BY created_at, id"
        if let limit { query += " LIMIT \(bind: limit)" }
        return try await records(from: database.sql.raw(query).all())
    }

    /// Sagas of `name` per phase (`SELECT state, COUNT(*) … GROUP BY state`).
    public func countByPhase(name: String) async throws -> [SagaPhase: Int] {
        let rows = try await database.sql.raw(
            "SELECT state, COUNT(*) AS n FROM flotilla_sagas WHERE name = \(bind: name) GROUP BY state"
        ).all()
        var counts: [SagaPhase: Int] = [:]
        for row in rows {
            guard let phase = SagaPhase(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
            counts[phase] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Decodes saga rows and reads their steps with one query.
    private func records(from rows: [any SQLRow]) async throws -> [SagaRecord] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: String.self) }
        let stepRows = try await database.sql.raw(
            "SELECT * FROM flotilla_saga_steps WHERE saga_id IN (\(binds: ids)) ORDER BY saga_id, step_index"
        ).all()
        var steps: [String: [SagaStepRecord]] = [:]
        for row in stepRows {
            steps[try row.decode(column: "saga_id", as: String.self), default: []].append(try SagaStepRecord(row: row))
        }
        return try rows.map { row in
            var record = try SagaRecord(row: row)
            record.steps = steps[record.id] ?? []
            return record
        }
    }
}
