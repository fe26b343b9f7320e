import Synchronization

/// Claims of tokens whose signature, issuer and audience have already been verified, so a
/// client repeating its token costs one dictionary look-up instead of an HMAC and two JSON
/// decodes. Keyed by the whole token text, so only byte-identical tokens hit. Time claims are
/// still checked on every use. Bounded: when `capacity` tokens are held the table is emptied
/// (a flood of distinct valid tokens costs re-verification, never memory).
final class VerifiedTokenCache: Sendable {
    let capacity: Int
    private let entries = Mutex<[String: AccessTokenClaims]>([:])

    init(capacity: Int = 10_000) { self.capacity = capacity }

    func claims(of token: String) -> AccessTokenClaims? { entries.withLock { $0[token] } }

    func store(_ claims: AccessTokenClaims, for token: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[token] = claims
        }
    }
}
