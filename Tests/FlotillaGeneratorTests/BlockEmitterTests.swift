import Testing

@testable import FlotillaGenerator

/// ``BlockEmitter`` must write exactly what libyaml (through Yams) writes for the same tree.
@Suite struct BlockEmitterTests {
    /// Strings around every rule of the plain/quoted decision.
    static let strings = [
        "a", "name", "shop-gateway", "/health/live", "ghcr.io/x/y", "http://users:8081", "a: b", "a:b", "a:", ":a",
        "-a", "- a", "-", "--mount", "---", "...", "..x", "a #b", "a#b", "#a", "a b", "a  b", " a", "a ", "'a", "a'b",
        "\"a", "a\"b", "&a", "*a", "!a", "|a", ">a", "%a", "@a", "`a", "a,b", "[a", "a]", "{a", "a}", "a?", "?a",
        "yes", "on", "null", "~", "", "8080", "0.5", "1e3", "10001:10001", "0x1F", "256Mi", "100m", "a=b", "=",
        "<<", "é", "naïve", "a\tb", "line\nnext", "trailing\n", "\\", "a/b:c", "${{ x }}", "k8s.io/name",
        String(repeating: "k", count: 128), String(repeating: "k", count: 129),
    ]

    /// A deterministic pseudo-random slot tree.
    struct Trees: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }

        mutating func tree(depth: Int) -> Slot {
            let slot = Slot()
            switch depth > 3 ? 0 : Int.random(in: 0..<4, using: &self) {
            case 0:
                switch Int.random(in: 0..<4, using: &self) {
                case 0:
                    slot.content = .scalar(
                        ScalarText(
                            text: String(Int.random(in: -9...99_999, using: &self)), kind: .integer, style: .plain))
                case 1: slot.content = .empty
                default:
                    slot.content = .scalar(
                        ScalarText(string: BlockEmitterTests.strings.randomElement(using: &self) ?? ""))
                }
            case 1, 2:
                let buffer = slot.mappingBuffer()
                for _ in 0..<Int.random(in: 0..<4, using: &self) {
                    buffer.slot(for: BlockEmitterTests.strings.randomElement(using: &self) ?? "").content =
                        tree(depth: depth + 1).content
                }
            default:
                let buffer = slot.sequenceBuffer()
                for _ in 0..<Int.random(in: 0..<4, using: &self) {
                    buffer.nextSlot().content = tree(depth: depth + 1).content
                }
            }
            return slot
        }
    }

    @Test func matchesLibyamlOnRandomTrees() throws {
        var trees = Trees(state: 42)
        var emitted = 0
        for _ in 0..<3000 {
            let root = trees.tree(depth: 0)
            var emitter = BlockEmitter()
            guard emitter.document(root) else { continue }
            emitted += 1
            let expected = try YAMLText.libyaml(NodeEncoder().node(of: root))
            #expect(emitter.text == expected)
        }
        #expect(emitted > 500)
    }

    @Test func refusesWhatOnlyLibyamlDecides() {
        for text in ["a: b", "line\nnext", " a", "é", String(repeating: "k", count: 129)] {
            let root = Slot()
            root.mappingBuffer().slot(for: text).content = .scalar(ScalarText(string: text))
            var emitter = BlockEmitter()
            let accepted = emitter.document(root)
            #expect(!accepted, "\(text)")
            #expect(emitter.bytes.isEmpty)
        }
    }
}
