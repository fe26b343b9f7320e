import FlotillaSpec
import Foundation
import Testing

/// The schema is the one description of the spec's keys: the docs must explain each of them.
@Suite("Schema")
struct SchemaTests {
    /// Every property name anywhere in the schema.
    static func propertyNames(of schema: Schema) -> Set<String> {
        switch schema.kind {
        case .object(let properties):
            return properties.reduce(into: Set(properties.map(\.name))) { $0.formUnion(propertyNames(of: $1.schema)) }
        case .dictionary(_, let value, _): return propertyNames(of: value)
        case .list(let item, _): return propertyNames(of: item)
        case .anyOf(let alternatives): return alternatives.reduce(into: []) { $0.formUnion(propertyNames(of: $1)) }
        case .scalar: return []
        }
    }

    @Test func docsExplainEveryKey() {
        let docs = TestPaths.read(TestPaths.repository.appendingPathComponent("docs/spec.md"))
        let undocumented = Self.propertyNames(of: SpecSchema.root).filter { !docs.contains("`\($0)`") }.sorted()
        #expect(undocumented == [])
    }

    @Test func jsonSchemaForbidsUnknownKeysAndListsRequiredOnes() throws {
        let data = try JSONEncoder().encode(Schema.jsonSchemaDocument())
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(document?["additionalProperties"] as? Bool == false)
        #expect(document?["required"] as? [String] == ["name", "services"])
        let services = (document?["properties"] as? [String: Any])?["services"] as? [String: Any]
        let service = services?["additionalProperties"] as? [String: Any]
        let keys = (service?["properties"] as? [String: Any])?.keys.sorted() ?? []
        #expect(keys.contains("replicas") && keys.contains("calls") && keys.count == 18)
    }
}

@Suite("Scalar syntaxes")
struct ScalarSyntaxTests {
    @Test(arguments: [
        ("500ms", 500), ("2s", 2000), ("1.5s", 1500), ("1m30s", 90_000), ("1h", 3_600_000), ("0.001s", 1),
        ("7d", -1), ("2", -1), ("s", -1), ("-1s", -1), ("1.2345s", -1), ("200h", -1), ("", -1), ("1s 2s", -1),
    ])
    func durations(text: String, milliseconds: Int) {
        let yaml = "name: d\nservices:\n  a:\n    ports: { http: 1 }\n    drain: \"\(text)\"\n"
        let spec = SpecLoader.load(yaml: yaml, file: "f").spec?.services.first
        if milliseconds < 0 {
            #expect(SpecLoader.load(yaml: yaml, file: "f").isValid == false)
        } else {
            #expect(spec?.drain == .milliseconds(milliseconds))
        }
    }

    @Test func quantities() {
        #expect(CPUQuantity(parsing: "250m")?.millicores == 250)
        #expect(CPUQuantity(parsing: "1.5")?.millicores == 1500)
        #expect(CPUQuantity(parsing: "0") == nil)
        #expect(CPUQuantity(parsing: "1e3") == nil)
        #expect(MemoryQuantity(parsing: "128Mi")?.bytes == 128 << 20)
        #expect(MemoryQuantity(parsing: "1.5Gi")?.bytes == 3 << 29)
        #expect(MemoryQuantity(parsing: "500M")?.bytes == 500_000_000)
        #expect(MemoryQuantity(parsing: "99999999999Ti") == nil)
        #expect(MemoryQuantity(bytes: 64 << 20).description == "64Mi")
        #expect(CPUQuantity(millicores: 2000).description == "2")
    }
}

@Suite("Duration text")
struct DurationTextTests {
    @Test(arguments: [
        (0, "0s"), (500, "500ms"), (1500, "1.5s"), (1250, "1250ms"), (2000, "2s"), (90_000, "1m30s"),
        (3_600_000, "1h"), (3_661_000, "1h1m1s"),
    ])
    func specText(milliseconds: Int, text: String) {
        #expect(Duration.milliseconds(milliseconds).specText == text)
    }
}
