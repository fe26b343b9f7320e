extension SpecValidator {
    /// Subscriptions need a publisher; publishing and subscribing need a database (outbox, inbox)
    /// and subscribers need an HTTP port for delivery. Unconsumed events are worth a warning.
    mutating func checkEvents() {
        var publishers: [String: String] = [:]
        for service in spec.services {
            var seen = Set<String>()
            for event in service.publishes {
                if !seen.insert(event.value).inserted {
                    diagnostics.warning(
                        "event '\(event.value)' is listed twice in service '\(service.name.value)'", at: event.location)
                }
                if publishers[event.value] == nil { publishers[event.value] = service.name.value }
            }
            if let first = service.publishes.first, service.database == nil {
                diagnostics.error(
                    "service '\(service.name.value)' publishes events but owns no database for its outbox",
                    at: first.location,
                    hint: "add 'database: owned': events are written in the same transaction as the change")
            }
            if let first = service.subscribes.first {
                if service.database == nil {
                    diagnostics.error(
                        "service '\(service.name.value)' subscribes to events but owns no database for its inbox",
                        at: first.location, hint: "add 'database: owned': the inbox makes processing effectively once")
                }
                if service.ports.http == nil {
                    diagnostics.error(
                        "service '\(service.name.value)' subscribes to events but has no http port to receive them",
                        at: first.location, hint: "events are delivered over HTTP; add ports.http")
                }
            }
        }
        let allPublished = publishers.keys.sorted()
        var consumed = Set<String>()
        for service in spec.services {
            for event in service.subscribes where ScalarSyntax.isEvent(event.value) {
                consumed.insert(event.value)
                if publishers[event.value] == nil {
                    diagnostics.error(
                        "service '\(service.name.value)' subscribes to '\(event.value)', which no service publishes"
                            + Suggestion.didYouMean(event.value, among: allPublished),
                        at: event.location,
                        hint: allPublished.isEmpty
                            ? "add it to the 'publishes' list of the service that emits it"
                            : "published events: \(allPublished.joined(separator: ", "))")
                }
            }
        }
        for service in spec.services {
            for event in service.publishes where !consumed.contains(event.value) {
                diagnostics.warning(
                    "event '\(event.value)' of service '\(service.name.value)' has no subscriber", at: event.location,
                    hint: "remove it, or add it to the 'subscribes' list of the service that needs it")
            }
        }
    }
}
