import FlotillaContracts
import FlotillaStore
import Foundation

/// A row of `users`, as decoded from SQL (snake_case columns).
struct UserRow: Decodable, Sendable {
    var id: UUID
    var email: String
    var name: String
    var passwordHash: String
    var createdAt: Int64
    var updatedAt: Int64

    /// The columns selected to decode a row, in the table's order.
    static let columns = "id, email, name, password_hash, created_at, updated_at"

    /// The public view: never the password hash.
    var dto: UserDTO { UserDTO(id: id, email: email, name: name, createdAt: Date(epochMilliseconds: createdAt)) }
}
