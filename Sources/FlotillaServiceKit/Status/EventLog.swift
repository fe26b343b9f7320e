import FlotillaContracts
import Foundation
import Synchronization

/// The instance's recent notable events (at most 50, newest first) for the status snapshot.
public final class EventLog: Sendable {
    static let capacity = 50
    private let events = Mutex<[StatusEvent]>([])

    /// Creates an empty log.
    public init() {}

    /// Records an event now.
    public func record(_ level: StatusEvent.Level, kind: String, _ message: String) {
        let event = StatusEvent(time: Date(), level: level, kind: kind, message: message)
        events.withLock { events in
            events.insert(event, at: 0)
            if events.count > Self.capacity { events.removeLast(events.count - Self.capacity) }
        }
    }

    /// Newest first.
    public var recent: [StatusEvent] { events.withLock { $0 } }
}
