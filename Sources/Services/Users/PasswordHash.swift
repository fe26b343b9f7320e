import Foundation

/// A stored password hash in the PHC string format, with everything needed to check a password
/// against it: `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (salt and key in unpadded base64).
/// Because the parameters travel with each hash, the policy can be raised without breaking old hashes.
struct PasswordHash: Sendable, Hashable {
    /// The cost it was made with.
    var parameters: ScryptParameters
    /// The random salt.
    var salt: [UInt8]
    /// The derived key.
    var key: [UInt8]

    /// The PHC identifier of the algorithm.
    static let algorithm = "scrypt"

    /// The PHC string.
    var encoded: String {
        let settings = "ln=\(parameters.logN),r=\(parameters.blockSize),p=\(parameters.parallelism)"
        return "$\(Self.algorithm)$\(settings)$\(Self.base64(salt))$\(Self.base64(key))"
    }

    /// Parses a PHC string; `nil` when it is not a well-formed scrypt hash.
    init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == Self.algorithm,
            let parameters = Self.parameters(parts[2]), let salt = Self.bytes(parts[3]), let key = Self.bytes(parts[4]),
            !salt.isEmpty, !key.isEmpty
        else { return nil }
        self.init(parameters: parameters, salt: salt, key: key)
    }

    init(parameters: ScryptParameters, salt: [UInt8], key: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.key = key
    }

    /// Whether this service is willing to check a password against it: a corrupt or hostile row
    /// must not make a login allocate gigabytes or derive megabytes of key.
    var isComputable: Bool { parameters.isComputable && (16...64).contains(key.count) && (8...64).contains(salt.count) }

    private static func parameters(_ text: Substring) -> ScryptParameters? {
        var values: [Substring: Int] = [:]
        for pair in text.split(separator: ",") {
            let field = pair.split(separator: "=", maxSplits: 1)
            guard field.count == 2, let value = Int(field[1]) else { return nil }
            values[field[0]] = value
        }
        guard values.count == 3, let logN = values["ln"], let r = values["r"], let p = values["p"] else { return nil }
        return ScryptParameters(logN: logN, blockSize: r, parallelism: p)
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    private static func bytes(_ text: Substring) -> [UInt8]? {
        let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded).map { [UInt8]($0) }
    }
}
