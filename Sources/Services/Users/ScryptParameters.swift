/// The cost of an scrypt hash: N = 2^`logN` (CPU and memory), `blockSize` r and `parallelism` p.
/// Memory use is 128 · r · N bytes: 32 MiB for the default (N = 2^15, r = 8, p = 1).
struct ScryptParameters: Sendable, Hashable {
    /// log2 of N.
    var logN: Int
    /// r.
    var blockSize: Int
    /// p.
    var parallelism: Int

    /// What new hashes use unless `PASSWORD_SCRYPT_LOG_N` raises it.
    static let standard = ScryptParameters(logN: 15, blockSize: 8, parallelism: 1)

    /// `logN` values a deployment may choose; below 14 is too weak, above 20 needs 1 GiB per hash.
    static let configurableLogN = 14...20

    /// Whether stored parameters are within the bounds this service is willing to compute.
    var isComputable: Bool {
        (10...20).contains(logN) && (1...32).contains(blockSize) && (1...16).contains(parallelism)
    }

    /// Whether a hash made with these parameters costs less than one made with `policy`, so it
    /// should be recomputed at the next successful login.
    func isWeaker(than policy: ScryptParameters) -> Bool {
        logN < policy.logN || blockSize < policy.blockSize || parallelism < policy.parallelism
    }
}
