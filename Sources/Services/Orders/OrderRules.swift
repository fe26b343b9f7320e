import FlotillaContracts
import FlotillaServiceKit

/// What makes an order request acceptable: 1–50 lines, each product once, quantities 1–1000.
enum OrderRules {
    static let maximumLines = 50
    static let quantities = 1...1000

    static func check(_ request: CreateOrderRequest) throws(ProblemError) {
        var input = InvalidInput()
        if request.items.isEmpty { input.add("items", "an order needs at least one item") }
        if request.items.count > maximumLines { input.add("items", "at most \(maximumLines) lines per order") }
        var seen = Set<String>()
        for (index, item) in request.items.enumerated() {
            if !quantities.contains(item.quantity) {
                input.add("items[\(index)].quantity", "must be between 1 and \(quantities.upperBound)")
            }
            if !seen.insert(item.productId.uuidString).inserted {
                input.add(
                    "items[\(index)].productId", "the product is already in the order: raise its quantity instead")
            }
        }
        try input.check()
    }
}
