import Foundation
import Testing

@testable import FlotillaStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Unreachable databases fail fast and clearly")
struct ConnectionFailureTests {
    @Test("a closed port fails at open with the reason and without the password")
    func refused() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let configuration = try DatabaseConfiguration.postgres(
            url: "postgres://orders:topsecret@127.0.0.1:1/orders?sslmode=disable")
        let error = await #expect(throws: DatabaseError.self) {
            try await Database.open(configuration, logger: StoreTestEnvironment.logger)
        }
        #expect(clock.now - start < .seconds(5))
        guard case .unavailable(let target, let reason) = error else {
            Issue.record("expected unavailable, got \(String(describing: error))")
            return
        }
        #expect(target == "postgres postgres://orders:***@127.0.0.1:1/orders?sslmode=disable")
        #expect(!reason.isEmpty)
        #expect(error?.description.contains("topsecret") == false)
    }

    @Test("a server that accepts but never answers is given up on after connect_timeout")
    func silentServer() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let clock = ContinuousClock()
        let start = clock.now
        let configuration = try DatabaseConfiguration.postgres(
            url: "postgres://u:p@127.0.0.1:\(listener.port)/d?sslmode=disable&connect_timeout=1")
        let error = await #expect(throws: DatabaseError.self) {
            try await Database.open(configuration, logger: StoreTestEnvironment.logger)
        }
        // Generous bound: it proves the open gives up instead of hanging, even on a loaded machine.
        #expect(clock.now - start < .seconds(15))
        // Either NIO's connect timeout or the login deadline, whichever notices first.
        let description = error?.description.lowercased() ?? ""
        #expect(description.contains("timeout") || description.contains("did not finish within"), "\(description)")
    }

    @Test(
        "a wrong password is reported with the server's reason",
        .enabled(if: StoreTestEnvironment.postgresURL != nil, StoreTestEnvironment.skipMessage))
    func wrongPassword() async throws {
        guard let url = StoreTestEnvironment.postgresURL else { return }
        var endpoint = try PostgresEndpoint(url: url)
        endpoint.password = "definitely-wrong"
        let error = await #expect(throws: DatabaseError.self) {
            try await Database.open(
                DatabaseConfiguration(location: .postgres(endpoint)), logger: StoreTestEnvironment.logger)
        }
        #expect(error?.description.contains("password authentication failed") == true, "\(String(describing: error))")
        #expect(error?.description.contains("definitely-wrong") == false)
    }

    @Test("the deadline returns even when the operation ignores cancellation")
    func deadline() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: DatabaseError.timedOut(operation: "stuck", after: .milliseconds(200))) {
            try await withDeadline(.milliseconds(200), operation: "stuck") {
                // Sleeps through cancellation, like a driver call that never looks at it.
                let end = ContinuousClock.now + .seconds(30)
                while ContinuousClock.now < end { try? await Task.sleep(for: .milliseconds(50)) }
                return 1
            }
        }
        // The operation would take 30 s; returning within 10 s proves the deadline cut it off,
        // with room for a loaded machine.
        #expect(clock.now - start < .seconds(10))
        #expect(try await withDeadline(.seconds(5), operation: "quick") { 42 } == 42)
    }

    @Test("SQLite creates the folder of its file")
    func sqliteCreatesFolder() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("flotilla-store-\(UUID().uuidString)/nested/data", isDirectory: true)
        defer {
            try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent())
        }
        let database = try await Database.open(
            .sqlite(path: folder.appendingPathComponent("orders.sqlite").path), logger: StoreTestEnvironment.logger)
        let mode = try await database.sql.raw("PRAGMA journal_mode").first()?.decode(
            column: "journal_mode", as: String.self)
        await database.shutdown()
        #expect(mode == "wal")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("orders.sqlite").path))
    }
}

/// A loopback TCP socket that listens but never accepts: connections complete and then hear nothing.
private final class SilentListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }
}
