import FlotillaContracts
import Foundation
import Synchronization

/// Finds the base URLs of a dependency's instances, by the configured ``DiscoveryMode``:
/// fixed lists, the `flotilla up` registry file (re-read when it changes), or Kubernetes
/// headless-Service DNS (re-resolved every 10 s, so new pods are used without a restart).
public final class Discovery: Sendable {
    let mode: DiscoveryMode
    private let cache = Mutex<[String: (urls: [String], at: ContinuousClock.Instant)]>([:])
    static let refreshInterval: Duration = .seconds(10)
    static let registryRefreshInterval: Duration = .seconds(1)

    /// Discovery by `mode`.
    public init(mode: DiscoveryMode) { self.mode = mode }

    /// Base URLs (`http://host:port`) of `dependency`'s instances; empty when none is known.
    public func endpoints(of dependency: String) async -> [String] {
        switch mode {
        case .static(let table):
            return table[dependency] ?? []
        case .registry(let path):
            return cached(dependency, every: Self.registryRefreshInterval) {
                guard let data = FileManager.default.contents(atPath: path),
                    let registry = try? ContractCoding.decoder().decode(LocalRegistry.self, from: data)
                else { return nil }
                return registry.readyEndpoints(of: dependency)
            }
        case .kubernetes(let names):
            guard let target = names[dependency] else { return [] }
            if let fresh = fresh(dependency, every: Self.refreshInterval) { return fresh }
            let urls = await DNSResolver.urls(for: target)
            return store(dependency, urls.isEmpty ? nil : urls)
        }
    }

    private func fresh(_ key: String, every interval: Duration) -> [String]? {
        cache.withLock { cache in
            guard let entry = cache[key], ContinuousClock.now - entry.at < interval else { return nil }
            return entry.urls
        }
    }

    /// Keeps the last good answer when a refresh finds nothing (a DNS hiccup must not drop every instance).
    private func store(_ key: String, _ urls: [String]?) -> [String] {
        cache.withLock { cache in
            if let urls {
                cache[key] = (urls, ContinuousClock.now)
                return urls
            }
            return cache[key]?.urls ?? []
        }
    }

    private func cached(_ key: String, every interval: Duration, load: () -> [String]?) -> [String] {
        if let fresh = fresh(key, every: interval) { return fresh }
        return store(key, load())
    }
}

/// Resolves `host:port` to `http://address:port` URLs with the system resolver, off the caller's executor.
enum DNSResolver {
    static func urls(for target: String) async -> [String] {
        guard let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]) else {
            return []
        }
        let host = String(target[..<colon])
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: addresses(of: host).map { "http://\($0):\(port)" })
            }
        }
    }

    private static func addresses(of host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let socketAddress = entry.pointee.ai_addr {
                var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &address, &buffer, socklen_t(INET_ADDRSTRLEN))
                }
                addresses.append(
                    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cursor = entry.pointee.ai_next
        }
        return Array(Set(addresses)).sorted()
    }
}
