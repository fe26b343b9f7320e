import Foundation

/// Where the orchestrator persists sagas. Every transition is written *before* the side effect it
/// announces is attempted and again *after* it returns, so after a crash the store tells recovery
/// exactly how far each saga got.
///
/// Implementations: ``InMemorySagaStore`` (tests, embedding) and the kit's `SQLSagaStore`
/// (`flotilla_sagas`, `flotilla_saga_steps`).
public protocol SagaStore: Sendable {
    /// Inserts a new saga (version 0) with all its steps.
    /// - Throws: ``SagaStoreError/duplicate(id:)`` when a saga with this id exists.
    func create(_ saga: SagaRecord) async throws

    /// Writes one transition atomically: the saga's row (phase, current step, payload, `updatedAt`,
    /// `finishedAt`, `lastError`, `version`) and, when `step` is given, that step's row, provided the stored
    /// version still equals `expectedVersion`. `saga.version` is the new version (`expectedVersion + 1`).
    /// - Throws: ``SagaStoreError/versionConflict(id:expected:)`` when another writer got there first.
    func update(_ saga: SagaRecord, step: Int?, expectedVersion: Int64) async throws

    /// The saga with this id, or nil.
    func load(id: String) async throws -> SagaRecord?

    /// Unfinished sagas of definition `name` (running or compensating), oldest created first; when
    /// `updatedBefore` is given, only those whose `updatedAt` is earlier; at most `limit` when given.
    func loadUnfinished(name: String, updatedBefore: Date?, limit: Int?) async throws -> [SagaRecord]

    /// How many sagas of definition `name` are in each phase (phases with none may be missing).
    func countByPhase(name: String) async throws -> [SagaPhase: Int]
}

/// Why a ``SagaStore`` refused a write.
public enum SagaStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A saga with this id already exists.
    case duplicate(id: String)
    /// The saga changed since it was read (another instance resumed it), or it does not exist.
    case versionConflict(id: String, expected: Int64)

    /// One line for logs and status.
    public var description: String {
        switch self {
        case .duplicate(let id): "saga \(id) already exists"
        case .versionConflict(let id, let expected):
            "saga \(id) is no longer at version \(expected): another instance is driving it"
        }
    }
}
