import FlotillaServiceKit
import Foundation

/// What the catalogue accepts for each product field. Each check records a problem under the
/// field's name and returns the value in its stored form.
enum ProductRules {
    static let names = 1...200
    static let descriptions = 0...2000
    static let categories = 1...50
    static let skus = 1...64
    static let prices = 0...100_000_000
    static let stockLevels = 0...10_000_000
    static let restockQuantities = 1...1_000_000

    /// Trimmed and in uppercase: 1–64 of `A-Z 0-9 - _ .`.
    static func sku(_ raw: String, into input: inout InvalidInput) -> String {
        let sku = raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let allowed = sku.unicodeScalars.allSatisfy { $0.isASCII && (skuSymbols.contains($0) || isAlphanumeric($0)) }
        if !skus.contains(sku.count) || !allowed {
            input.add("sku", "must be 1 to 64 letters, digits, '-', '_' or '.'")
        }
        return sku
    }

    /// Trimmed, 1–200 characters.
    static func name(_ raw: String, into input: inout InvalidInput) -> String {
        text(raw, field: "name", allowed: names, into: &input)
    }

    /// Trimmed, up to 2000 characters.
    static func description(_ raw: String, into input: inout InvalidInput) -> String {
        text(raw, field: "description", allowed: descriptions, into: &input)
    }

    /// Trimmed and in lowercase, 1–50 characters.
    static func category(_ raw: String, field: String = "category", into input: inout InvalidInput) -> String {
        text(raw, field: field, allowed: categories, into: &input).lowercased()
    }

    /// A whole number in `allowed`.
    static func amount(_ value: Int, field: String, allowed: ClosedRange<Int>, into input: inout InvalidInput) -> Int {
        if !allowed.contains(value) {
            input.add(field, "must be from \(allowed.lowerBound) to \(allowed.upperBound)")
        }
        return value
    }

    private static func text(
        _ raw: String, field: String, allowed: ClosedRange<Int>, into input: inout InvalidInput
    ) -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if !allowed.contains(text.count) {
            input.add(field, "must be \(allowed.lowerBound) to \(allowed.upperBound) characters")
        }
        return text
    }

    private static let skuSymbols = Set("-_.".unicodeScalars)

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
