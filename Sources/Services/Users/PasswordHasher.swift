import Crypto
import CryptoExtras
import FlotillaServiceKit
import NIOPosix

/// Hashes and checks passwords with scrypt (memory-hard), a fresh 16-byte random salt per hash and
/// the parameters stored in each hash (``PasswordHash``). The key derivation runs on NIO's blocking
/// thread pool, never on the cooperative threads serving requests.
struct PasswordHasher: Sendable {
    /// The parameters new hashes get.
    let policy: ScryptParameters
    /// A hash of a random password, checked when the e-mail address is unknown so that a login
    /// takes as long whether or not the account exists.
    private let decoy: PasswordHash
    private let threadPool: NIOThreadPool

    static let saltBytes = 16
    static let keyBytes = 32

    /// The outcome of checking a password.
    enum Verdict: Equatable {
        case wrong
        /// The password matches; `needsRehash` when its hash is weaker than the current policy.
        case correct(needsRehash: Bool)
    }

    /// Reads `PASSWORD_SCRYPT_LOG_N` (14–20, default 15) and prepares the decoy hash.
    init(configuration: ServiceConfiguration, threadPool: NIOThreadPool = .singleton) async throws {
        var policy = ScryptParameters.standard
        if let text = configuration.value(of: "PASSWORD_SCRYPT_LOG_N") {
            guard let logN = Int(text), ScryptParameters.configurableLogN.contains(logN) else {
                let range = ScryptParameters.configurableLogN
                throw ConfigurationError(
                    setting: "PASSWORD_SCRYPT_LOG_N", problem: "'\(text)' is not a supported scrypt cost",
                    fix: "use a whole number from \(range.lowerBound) to \(range.upperBound) (N = 2^value)")
            }
            policy.logN = logN
        }
        self.policy = policy
        self.threadPool = threadPool
        let decoyPassword = (0..<Self.keyBytes).map { _ in UInt8.random(in: .min ... .max) }
        self.decoy = try await Self.derive(
            password: decoyPassword, salt: Self.randomSalt(), parameters: policy, keyBytes: Self.keyBytes,
            on: threadPool)
    }

    /// A new PHC hash of `password` under the current policy.
    func hash(_ password: String) async throws -> String {
        try await Self.derive(
            password: Array(password.utf8), salt: Self.randomSalt(), parameters: policy, keyBytes: Self.keyBytes,
            on: threadPool
        ).encoded
    }

    /// Checks `password` against a stored hash, or against the decoy when there is none (unknown
    /// account), so both cases cost one key derivation. The keys are compared in constant time.
    func verify(_ password: String, against stored: String?) async throws -> Verdict {
        let parsed = stored.flatMap(PasswordHash.init(encoded:)).flatMap { $0.isComputable ? $0 : nil }
        let reference = parsed ?? decoy
        let candidate = try await Self.derive(
            password: Array(password.utf8), salt: reference.salt, parameters: reference.parameters,
            keyBytes: reference.key.count, on: threadPool)
        guard let parsed, SymmetricKey(data: candidate.key) == SymmetricKey(data: parsed.key) else { return .wrong }
        return .correct(needsRehash: parsed.parameters.isWeaker(than: policy))
    }

    private static func randomSalt() -> [UInt8] { (0..<saltBytes).map { _ in UInt8.random(in: .min ... .max) } }

    private static func derive(
        password: [UInt8], salt: [UInt8], parameters: ScryptParameters, keyBytes: Int, on threadPool: NIOThreadPool
    ) async throws -> PasswordHash {
        let key = try await threadPool.runIfActive {
            try KDF.Scrypt.deriveKey(
                from: password, salt: salt, outputByteCount: keyBytes, rounds: 1 << parameters.logN,
                blockSize: parameters.blockSize, parallelism: parameters.parallelism)
        }
        return PasswordHash(parameters: parameters, salt: salt, key: key.withUnsafeBytes { Array($0) })
    }
}
