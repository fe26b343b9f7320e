import FlotillaServiceKit
import Foundation

/// What the users service accepts as an e-mail address, a name and a password.
enum UserRules {
    static let names = 1...100
    static let passwords = 8...128

    /// The address trimmed and in lowercase (the form it is stored and looked up in).
    static func normalizedEmail(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Checks `raw` and returns it normalised; records a problem under `field` when it is not an address.
    static func email(_ raw: String, field: String = "email", into input: inout InvalidInput) -> String {
        let email = normalizedEmail(raw)
        if !isEmailAddress(email) { input.add(field, "must be an e-mail address like name@example.com") }
        return email
    }

    /// Checks `raw` and returns it trimmed; records a problem when it is empty or too long.
    static func name(_ raw: String, field: String = "name", into input: inout InvalidInput) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if !names.contains(name.count) {
            input.add(field, "must be \(names.lowerBound) to \(names.upperBound) characters")
        }
        return name
    }

    /// Records a problem when the password is too short or too long (it is used exactly as given).
    static func password(_ raw: String, field: String = "password", into input: inout InvalidInput) {
        if !passwords.contains(raw.count) {
            input.add(field, "must be \(passwords.lowerBound) to \(passwords.upperBound) characters")
        }
    }

    /// A pragmatic RFC 5321 check: `local@domain`, at most 254 bytes; the local part 1–64 of
    /// letters, digits and ``localSymbols`` without leading, trailing or double dots; the domain at
    /// least two dot-separated labels of letters, digits and inner hyphens, the last one letters only.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= 254, parts.count == 2 else { return false }
        let local = parts[0]
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard (1...64).contains(local.utf8.count), !local.hasPrefix("."), !local.hasSuffix("."),
            !local.contains(".."), local.unicodeScalars.allSatisfy({ isAlphanumeric($0) || localSymbols.contains($0) }),
            labels.count >= 2, labels.allSatisfy(isDomainLabel),
            let top = labels.last, top.count >= 2, top.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
        else { return false }
        return true
    }

    private static let localSymbols = Set("!#$%&'*+/=?^_`{|}~.-".unicodeScalars)

    private static func isDomainLabel(_ label: Substring) -> Bool {
        (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
            && label.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}
