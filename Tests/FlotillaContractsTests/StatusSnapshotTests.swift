import FlotillaContracts
import FlotillaTesting
import Foundation
import Testing

/// The status contract: its JSON is golden (and docs/status.schema.json validates the golden in
/// scripts/test.sh), it round-trips exactly, and readers tolerate fields they do not know.
@Suite("Status snapshot")
struct StatusSnapshotTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/status-sample.json").path

    @Test func jsonMatchesTheDocumentedGolden() throws {
        let data = try ContractCoding.encoder(pretty: true).encode(SampleSnapshot.value)
        let outcome = GoldenFile.compare(String(decoding: data, as: UTF8.self) + "\n", with: Self.golden)
        if case .mismatch(let difference) = outcome { Issue.record(Comment(rawValue: difference)) }
    }

    @Test func roundTripsExactly() throws {
        let data = try ContractCoding.encoder().encode(SampleSnapshot.value)
        let decoded = try ContractCoding.decoder().decode(StatusSnapshot.self, from: data)
        #expect(decoded == SampleSnapshot.value)
        #expect(decoded.schemaVersion == StatusSnapshot.currentSchemaVersion)
    }

    @Test func readersIgnoreFieldsAddedLater() throws {
        let data = try ContractCoding.encoder().encode(SampleSnapshot.value)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["addedInAFutureVersion"] = ["anything": true]
        let extended = try JSONSerialization.data(withJSONObject: object)
        #expect(try ContractCoding.decoder().decode(StatusSnapshot.self, from: extended) == SampleSnapshot.value)
    }

    @Test func datesWithoutFractionalSecondsDecode() throws {
        struct Stamp: Codable { var at: Date }
        let stamp = try ContractCoding.decoder().decode(Stamp.self, from: Data(#"{"at":"2026-11-20T10:00:00Z"}"#.utf8))
        #expect(stamp.at == Date(timeIntervalSince1970: 1_795_168_800))
        #expect(throws: DecodingError.self) {
            try ContractCoding.decoder().decode(Stamp.self, from: Data(#"{"at":"yesterday"}"#.utf8))
        }
    }

    @Test func derivedRatesAreSafeOnAnEmptyWindow() {
        let empty = TrafficSnapshot(
            windowSeconds: 0, requests: 0, errors: 0, inFlight: 0, totalRequests: 0,
            latency: LatencySummary(p50: nil, p90: nil, p99: nil), routes: [])
        #expect(empty.requestsPerSecond == 0)
        #expect(empty.errorRate == 0)
        #expect(SampleSnapshot.value.traffic.requestsPerSecond == 20)
        #expect(SampleSnapshot.value.traffic.errorRate == 0.01)
    }
}

@Suite("Wire types")
struct WireTypeTests {
    @Test func problemDetailsUseRFC9457Names() throws {
        let problem = ProblemDetails(
            title: "Bad Request", status: 400, detail: "items[0].quantity must be at least 1", instance: "/orders",
            requestId: "r-1", errors: [FieldProblem(field: "items[0].quantity", message: "must be at least 1")])
        let object = try JSONSerialization.jsonObject(with: ContractCoding.encoder().encode(problem)) as? [String: Any]
        #expect(object?.keys.sorted() == ["detail", "errors", "instance", "requestId", "status", "title", "type"])
        #expect(object?["type"] as? String == "about:blank")
        #expect(ProblemDetails.mediaType == "application/problem+json")
    }

    @Test func eventEnvelopesCarryTheirPayload() throws {
        struct OrderConfirmed: Codable, Sendable, Hashable {
            var orderId: String
            var totalCents: Int
        }
        let envelope = EventEnvelope(
            id: UUID(uuidString: "00000000-0000-4000-8000-000000000042") ?? UUID(), type: "order.confirmed",
            source: "orders", aggregateId: "o-1", sequence: 3, occurredAt: SampleSnapshot.start,
            traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            data: OrderConfirmed(orderId: "o-1", totalCents: 4_200))
        let data = try ContractCoding.encoder().encode(envelope)
        #expect(try ContractCoding.decoder().decode(EventEnvelope<OrderConfirmed>.self, from: data) == envelope)
    }

    @Test func registryListsOnlyReadyEndpoints() {
        func instance(_ id: String, _ state: RegisteredInstance.State, port: Int) -> RegisteredInstance {
            RegisteredInstance(
                service: "orders", instance: id, pid: 1, baseURL: "http://127.0.0.1:\(port)",
                adminURL: "http://127.0.0.1:\(port + 1000)", state: state, restarts: 0, logFile: "\(id).log")
        }
        let registry = LocalRegistry(
            system: "shop", supervisorPid: 1, updatedAt: SampleSnapshot.start,
            instances: [instance("a", .ready, port: 8083), instance("b", .starting, port: 8183)])
        #expect(registry.readyEndpoints(of: "orders") == ["http://127.0.0.1:8083"])
        #expect(registry.readyEndpoints(of: "users").isEmpty)
    }
}
