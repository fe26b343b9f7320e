import FlotillaSpec

/// Who receives which event: from the system spec, every service whose `subscribes` lists the
/// event type. Without a system spec (tests, embedding) nobody does, and events stay in the outbox.
struct EventRouting: Sendable {
    private let subscribersByType: [String: [String]]

    init(system: SystemSpec?) {
        var table: [String: [String]] = [:]
        for service in system?.services ?? [] {
            for type in service.subscribes { table[type.value, default: []].append(service.name.value) }
        }
        subscribersByType = table.mapValues { $0.sorted() }
    }

    /// The subscribers of `type`, sorted.
    func subscribers(of type: String) -> [String] { subscribersByType[type] ?? [] }
}
