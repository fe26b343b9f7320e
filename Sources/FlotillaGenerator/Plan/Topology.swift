import FlotillaSpec

/// Who talks to whom, computed once per run so every artifact is linear in the spec's size.
///
/// A service is reached over HTTP by its synchronous callers (declared `calls`, gateway routes,
/// saga steps — ``ServiceSpec/dependencies``) and by the publishers of the events it subscribes
/// to (the outbox relay POSTs `/_events` to each subscriber).
struct Topology: Sendable {
    /// Dependency names of each service, in first-mention order.
    let dependencies: [String: [String]]
    /// Services that call each service synchronously, sorted.
    let callers: [String: [String]]
    /// Subscribers each publisher delivers events to, sorted.
    let subscribers: [String: [String]]
    /// Publishers each subscriber receives events from, sorted.
    let publishers: [String: [String]]
    /// HTTP port of each service that has one.
    let httpPorts: [String: Int]

    init(_ spec: SystemSpec) {
        var dependencies: [String: [String]] = [:]
        var callers: [String: Set<String>] = [:]
        var publishersOfEvent: [String: Set<String>] = [:]
        var subscribersOfEvent: [String: Set<String>] = [:]
        let known = Set(spec.services.map(\.name.value))
        for service in spec.services {
            let name = service.name.value
            let targets = service.dependencies.map(\.service.value).filter { known.contains($0) && $0 != name }
            dependencies[name] = targets
            for target in targets { callers[target, default: []].insert(name) }
            for event in service.publishes { publishersOfEvent[event.value, default: []].insert(name) }
            for event in service.subscribes { subscribersOfEvent[event.value, default: []].insert(name) }
        }
        var subscribers: [String: Set<String>] = [:]
        var publishers: [String: Set<String>] = [:]
        for (event, eventPublishers) in publishersOfEvent {
            for publisher in eventPublishers {
                for subscriber in subscribersOfEvent[event] ?? [] where subscriber != publisher {
                    subscribers[publisher, default: []].insert(subscriber)
                    publishers[subscriber, default: []].insert(publisher)
                }
            }
        }
        self.dependencies = dependencies
        self.httpPorts = Dictionary(
            spec.services.compactMap { service in service.ports.http.map { (service.name.value, $0.value) } },
            uniquingKeysWith: { first, _ in first })
        self.callers = callers.mapValues { $0.sorted() }
        self.subscribers = subscribers.mapValues { $0.sorted() }
        self.publishers = publishers.mapValues { $0.sorted() }
    }

    /// Services whose HTTP port this one calls: dependencies, then event subscribers, each once.
    func upstreams(of service: String) -> [String] {
        var seen = Set<String>()
        return ((dependencies[service] ?? []) + (subscribers[service] ?? [])).filter { seen.insert($0).inserted }
    }

    /// Services allowed to reach this one's HTTP port: callers and publishers, sorted, each once.
    func inbound(to service: String) -> [String] {
        Set((callers[service] ?? []) + (publishers[service] ?? [])).sorted()
    }

    /// Compose `depends_on` edges: every dependency, except one that would close a cycle (compose
    /// refuses cycles; the later edge in spec order is dropped and the client's retries cover it).
    func startupOrder(_ spec: SystemSpec) -> [String: [String]] {
        var edges: [String: [String]] = [:]
        for service in spec.services {
            let name = service.name.value
            for target in dependencies[name] ?? [] where !reaches(from: target, to: name, edges: edges) {
                edges[name, default: []].append(target)
            }
        }
        return edges
    }

    private func reaches(from start: String, to goal: String, edges: [String: [String]]) -> Bool {
        var stack = [start]
        var visited: Set<String> = [start]
        while let node = stack.popLast() {
            if node == goal { return true }
            for next in edges[node] ?? [] where visited.insert(next).inserted { stack.append(next) }
        }
        return false
    }
}
