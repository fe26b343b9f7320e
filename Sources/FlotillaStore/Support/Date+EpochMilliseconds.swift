import Foundation

extension Date {
    /// Milliseconds since the Unix epoch (UTC), the unit of every `*_at` column of the kit's tables.
    public var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    /// The time `milliseconds` after the Unix epoch.
    public init(epochMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Now, rounded to the millisecond: what a table stores, so a fresh answer equals a later read.
    public static var nowInMilliseconds: Date { Date(epochMilliseconds: Date().epochMilliseconds) }
}
