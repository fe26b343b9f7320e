/// Why migrations could not run; each case names the migration and how to fix it.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An applied migration's recorded checksum differs from the code's: it was edited after it shipped.
    case checksumMismatch(id: String, name: String, recorded: String, current: String)
    /// Two migrations in the list share an id.
    case duplicateID(String)
    /// A migration failed to apply; its transaction was rolled back.
    case failed(id: String, name: String, reason: String)

    /// One line: what, which migration, how to fix.
    public var description: String {
        switch self {
        case .checksumMismatch(let id, let name, let recorded, let current):
            "migration \(id) (\(name)) was changed after it was applied: recorded checksum \(recorded), "
                + "code has \(current). Restore its original SQL and add a new migration for the change"
        case .duplicateID(let id):
            "migration id \(id) is used twice. Give every migration a unique id"
        case .failed(let id, let name, let reason):
            "migration \(id) (\(name)) failed and was rolled back: \(reason)"
        }
    }
}
