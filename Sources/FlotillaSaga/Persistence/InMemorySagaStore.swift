import Foundation

/// A ``SagaStore`` in memory, for tests and embedding. Keeps full `Date` precision.
public actor InMemorySagaStore: SagaStore {
    private var sagas: [String: SagaRecord] = [:]

    /// An empty store.
    public init() {}

    /// Inserts a new saga; throws ``SagaStoreError/duplicate(id:)`` for a known id.
    public func create(_ saga: SagaRecord) throws {
        guard sagas[saga.id] == nil else { throw SagaStoreError.duplicate(id: saga.id) }
        sagas[saga.id] = saga
    }

    /// Replaces the saga (and the given step) if its stored version is `expectedVersion`.
    public func update(_ saga: SagaRecord, step: Int?, expectedVersion: Int64) throws {
        guard var stored = sagas[saga.id], stored.version == expectedVersion else {
            throw SagaStoreError.versionConflict(id: saga.id, expected: expectedVersion)
        }
        stored.phase = saga.phase
        stored.currentStep = saga.currentStep
        stored.payload = saga.payload
        stored.version = saga.version
        stored.updatedAt = saga.updatedAt
        stored.finishedAt = saga.finishedAt
        stored.lastError = saga.lastError
        if let step, stored.steps.indices.contains(step), saga.steps.indices.contains(step) {
            stored.steps[step] = saga.steps[step]
        }
        sagas[saga.id] = stored
    }

    /// The saga with this id, or nil.
    public func load(id: String) -> SagaRecord? { sagas[id] }

    /// Unfinished sagas of `name`, oldest created first (ties by id).
    public func loadUnfinished(name: String, updatedBefore: Date?, limit: Int?) -> [SagaRecord] {
        let unfinished = sagas.values
            .filter { saga in
                saga.name == name && !saga.phase.isTerminal && (updatedBefore.map { saga.updatedAt < $0 } ?? true)
            }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return limit.map { Array(unfinished.prefix($0)) } ?? unfinished
    }

    /// Sagas of `name` per phase.
    public func countByPhase(name: String) -> [SagaPhase: Int] {
        sagas.values.filter { $0.name == name }.reduce(into: [:]) { $0[$1.phase, default: 0] += 1 }
    }

    /// Stores `saga` as it is, replacing any saga with its id: for tests that set up the state a crash
    /// would have left.
    public func put(_ saga: SagaRecord) { sagas[saga.id] = saga }
}
