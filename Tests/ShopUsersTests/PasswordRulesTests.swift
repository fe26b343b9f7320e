import ShopTestSupport
import Testing

@testable import ShopUsers

/// The PHC format and the input rules, as pure functions.
@Suite("Password hashes and input rules")
struct PasswordRulesTests {
    @Test func phcStringsRoundTrip() throws {
        let hash = PasswordHash(
            parameters: ScryptParameters(logN: 15, blockSize: 8, parallelism: 1), salt: Array(0..<16),
            key: Array(100..<132))
        #expect(hash.encoded.hasPrefix("$scrypt$ln=15,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$"))
        #expect(hash.encoded.split(separator: "$").suffix(2).allSatisfy { !$0.contains("=") })
        #expect(PasswordHash(encoded: hash.encoded) == hash)
        #expect(hash.isComputable)
    }

    @Test(arguments: [
        "", "plain", "$scrypt$ln=15,r=8$c2FsdA$a2V5", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$a2V5",
        "$scrypt$ln=15,r=8,p=1$$a2V5", "$scrypt$ln=x,r=8,p=1$c2FsdA$a2V5", "$scrypt$ln=15,r=8,p=1$!!$a2V5",
    ])
    func malformedHashesDoNotParse(_ text: String) {
        #expect(PasswordHash(encoded: text) == nil)
    }

    @Test func hostileParametersAreNotComputed() throws {
        let hostile = try #require(
            PasswordHash(
                encoded: "$scrypt$ln=40,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$AAECAwQFBgcICQoLDA0ODwABAgMEBQYHCAkKCwwNDg8"))
        #expect(!hostile.isComputable)
    }

    @Test func weakerParametersNeedARehash() {
        let policy = ScryptParameters.standard
        #expect(ScryptParameters(logN: 14, blockSize: 8, parallelism: 1).isWeaker(than: policy))
        #expect(!policy.isWeaker(than: policy))
        #expect(!ScryptParameters(logN: 16, blockSize: 8, parallelism: 1).isWeaker(than: policy))
    }

    @Test(arguments: [
        "ada@example.com", "a.b+tag@mail.example.co", "o'brien@example.ie", "x@a-b.example.org", "1@2.io",
    ])
    func acceptsAddresses(_ address: String) {
        #expect(UserRules.isEmailAddress(address))
    }

    @Test(arguments: [
        "", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "ada@exa mple.com", ".ada@example.com",
        "ada.@example.com", "a..b@example.com", "ada@-example.com", "ada@example.c", "ada@example.c0m",
        "ad a@example.com", "\u{00E9}@example.com", String(repeating: "a", count: 65) + "@example.com",
    ])
    func refusesNonAddresses(_ address: String) {
        #expect(!UserRules.isEmailAddress(address))
    }
}
