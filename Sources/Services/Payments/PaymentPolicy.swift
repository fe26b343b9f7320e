import FlotillaServiceKit

/// When a charge is declined: when the user's outstanding total (charged minus refunded) plus the
/// charge would be above ``limitCents`` (`PAYMENT_LIMIT_CENTS`, default 100000, i.e. €1000.00).
struct PaymentPolicy: Sendable {
    /// The most a user may have outstanding, in cents.
    var limitCents: Int

    static let defaultLimitCents = 100_000

    /// A policy with an explicit limit.
    init(limitCents: Int = defaultLimitCents) { self.limitCents = limitCents }

    /// Reads `PAYMENT_LIMIT_CENTS`.
    init(configuration: ServiceConfiguration) throws(ConfigurationError) {
        guard let text = configuration.value(of: "PAYMENT_LIMIT_CENTS") else {
            self.init()
            return
        }
        guard let limit = Int(text), (1...1_000_000_000_000).contains(limit) else {
            throw ConfigurationError(
                setting: "PAYMENT_LIMIT_CENTS", problem: "'\(text)' is not an amount in cents",
                fix: "use a whole number of cents from 1 to 1000000000000, e.g. 100000 for 1000.00")
        }
        self.init(limitCents: limit)
    }
}
