import Foundation

extension UUID {
    /// The text form ids are stored in: lowercase, as the kit stores event ids.
    public var storageKey: String { uuidString.lowercased() }
}
