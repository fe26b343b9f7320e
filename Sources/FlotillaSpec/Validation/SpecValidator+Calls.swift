extension SpecValidator {
    /// Every call names an existing service other than the caller, one that serves an API.
    mutating func checkCalls() {
        for service in spec.services {
            for call in service.calls {
                if call.service.value == service.name.value {
                    diagnostics.error(
                        "service '\(service.name.value)' calls itself", at: call.service.location,
                        hint: "a service reaches its own logic directly, not over the network")
                    continue
                }
                guard let target = resolve(call.service, what: "service '\(service.name.value)' calls") else {
                    continue
                }
                if target.role == .worker {
                    diagnostics.error(
                        "service '\(service.name.value)' calls worker '\(target.name.value)', which serves no API",
                        at: call.service.location, hint: "send it an event instead, or give it an http port")
                }
            }
        }
    }

    /// Synchronous calls must not form a cycle: a cycle turns one slow service into a deadlock
    /// of timeouts and makes start-up order impossible.
    mutating func checkCycles() {
        var graph: [String: [Located<String>]] = [:]
        for service in spec.services {
            graph[service.name.value] = service.dependencies.map(\.service).filter {
                $0.value != service.name.value && servicesByName[$0.value] != nil
            }
        }
        var state: [String: Bool] = [:]  // false: on the current path, true: done
        var path: [Located<String>] = []
        var reported = Set<Set<String>>()

        func visit(_ name: String) {
            state[name] = false
            for edge in graph[name] ?? [] {
                switch state[edge.value] {
                case false?:
                    let start = path.firstIndex { $0.value == edge.value } ?? 0
                    let cycle = Array(path[start...]) + [edge]
                    if reported.insert(Set(cycle.map(\.value))).inserted {
                        let names = cycle.map(\.value)
                        diagnostics.error(
                            "synchronous calls form a cycle: \(names.joined(separator: " → "))", at: edge.location,
                            hint: "break the cycle with an event (publishes/subscribes) instead of a call")
                    }
                case nil:
                    path.append(edge)
                    visit(edge.value)
                    path.removeLast()
                case true?:
                    break
                }
            }
            state[name] = true
        }
        for service in spec.services where state[service.name.value] == nil {
            path = [service.name]
            visit(service.name.value)
        }
    }
}
