import FlotillaServiceKit
import Foundation
import NIOCore

/// The peers whose `X-Forwarded-For` is believed (`GATEWAY_TRUSTED_PROXIES`: comma-separated IPv4
/// or IPv6 addresses and CIDR blocks, e.g. `10.0.0.0/8, 127.0.0.1, fd00::/8`). A request from
/// any other peer has its forwarding headers replaced, never trusted.
struct TrustedProxies: Sendable {
    /// An address block: network bytes (4 for IPv4, 16 for IPv6) and the prefix length.
    struct Block: Sendable, Equatable {
        var bytes: [UInt8]
        var prefixLength: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefixLength
            for index in bytes.indices where remaining > 0 {
                let bits = min(remaining, 8)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if address[index] & mask != bytes[index] & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    let blocks: [Block]

    /// No trusted proxies.
    static let none = TrustedProxies(blocks: [])

    init(blocks: [Block]) { self.blocks = blocks }

    /// Parses the variable's value; an entry that is not an address or block is a start-up error.
    init(parsing text: String) throws(ConfigurationError) {
        var blocks: [Block] = []
        for entry in text.split(separator: ",") {
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: "/", maxSplits: 1)
            guard let bytes = Self.bytes(of: parts[0]) else { throw Self.invalid(trimmed) }
            var prefix = bytes.count * 8
            if parts.count == 2 {
                guard let length = Int(parts[1]), (0...prefix).contains(length) else { throw Self.invalid(trimmed) }
                prefix = length
            }
            blocks.append(Block(bytes: bytes, prefixLength: prefix))
        }
        self.blocks = blocks
    }

    private static func invalid(_ entry: String) -> ConfigurationError {
        ConfigurationError(
            setting: "GATEWAY_TRUSTED_PROXIES", problem: "'\(entry)' is not an IP address or CIDR block",
            fix: "use comma-separated addresses or blocks such as 10.0.0.0/8, 127.0.0.1, fd00::/8")
    }

    /// Whether the socket peer is a trusted proxy.
    func contains(_ peer: SocketAddress?) -> Bool {
        guard !blocks.isEmpty, let bytes = peer.flatMap(Self.bytes(of:)) else { return false }
        return contains(bytes: bytes)
    }

    func contains(bytes: [UInt8]) -> Bool { blocks.contains { $0.contains(bytes) } }

    /// The client's address: the socket peer, or — when the peer is a trusted proxy — the
    /// right-most `X-Forwarded-For` entry that is not itself a trusted proxy (entries further
    /// left were written by the client and could be anything). An unparseable entry ends the
    /// walk at the last trusted hop.
    func clientAddress(peer: SocketAddress?, forwardedFor: String?) -> String {
        let peerText = peer?.ipAddress ?? "unknown"
        guard let forwardedFor, contains(peer) else { return peerText }
        var client = peerText
        for entry in forwardedFor.split(separator: ",").reversed() {
            let candidate = entry.trimmingCharacters(in: .whitespaces)
            guard let bytes = Self.bytes(of: candidate[...]) else { return client }
            client = candidate
            if !contains(bytes: bytes) { return client }
        }
        return client
    }

    /// Network-order bytes of a textual address; an IPv4-mapped IPv6 address gives its 4 IPv4 bytes.
    static func bytes(of text: Substring) -> [UInt8]? {
        let string = String(text)
        var v4 = in_addr()
        if inet_pton(AF_INET, string, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, string, &v6) == 1 else { return nil }
        return unmapped(withUnsafeBytes(of: &v6) { Array($0) })
    }

    static func bytes(of address: SocketAddress) -> [UInt8]? {
        switch address {
        case .v4(let v4):
            var raw = v4.address.sin_addr
            return withUnsafeBytes(of: &raw) { Array($0) }
        case .v6(let v6):
            var raw = v6.address.sin6_addr
            return unmapped(withUnsafeBytes(of: &raw) { Array($0) })
        default:
            return nil
        }
    }

    private static func unmapped(_ bytes: [UInt8]) -> [UInt8] {
        let mappedPrefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]
        return bytes.starts(with: mappedPrefix) ? Array(bytes[12...]) : bytes
    }
}
