import FlotillaSpec
import Foundation
import Testing

/// Mutates the shop spec thousands of times (delete, duplicate, retype, reorder, truncate, random
/// bytes) and feeds every mutant to the loader: it must always return a model or diagnostics,
/// never trap, and every diagnostic must point inside the file.
@Suite("Loader fuzzing")
struct LoaderFuzzTests {
    static let iterations = 4_000

    @Test func theLoaderNeverTrapsAndAlwaysExplains() async {
        let original = TestPaths.read(TestPaths.repository.appendingPathComponent("flotilla.yaml"))
        var random = SplitMix64(seed: 0x5EED_F10A)
        var invalid = 0
        for iteration in 0..<Self.iterations {
            // Let the tests running beside this CPU-bound loop have the shared threads now and then.
            if iteration % 50 == 0 { await Task.yield() }
            let bytes = Mutator.mutate(Array(original.utf8), rounds: 1 + iteration % 3, using: &random)
            let result = SpecLoader.load(bytes: bytes, file: "mutant.yaml")
            let lineCount = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            if !result.isValid {
                invalid += 1
                #expect(result.diagnostics.containsErrors, "iteration \(iteration): invalid without an error")
            }
            for diagnostic in result.diagnostics
            where diagnostic.location.line > lineCount + 1 || diagnostic.location.line < 1 {
                Issue.record("iteration \(iteration): \(diagnostic) points outside a file of \(lineCount) lines")
            }
        }
        #expect(invalid > Self.iterations / 4, "mutations should break most specs")
    }
}

/// Text mutations of a YAML document.
enum Mutator {
    static func mutate(_ bytes: [UInt8], rounds: Int, using random: inout SplitMix64) -> [UInt8] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<rounds where !lines.isEmpty {
            let index = Int(random.next() % UInt64(lines.count))
            switch random.next() % 7 {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            case 2: lines[index] = retype(lines[index], using: &random)
            case 3: lines.swapAt(index, Int(random.next() % UInt64(lines.count)))
            case 4: lines = Array(lines.prefix(index))
            case 5:
                let column = lines[index].isEmpty ? 0 : Int(random.next() % UInt64(lines[index].count))
                lines[index].insert(UInt8(truncatingIfNeeded: random.next()), at: column)
            default:
                lines[index] = Array(lines[index].dropFirst(Int(random.next() % 3)))
            }
        }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// Replaces the value after the first `: ` with one of another type.
    static func retype(_ line: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        let replacements = [
            "[1, 2]", "{ a: b }", "\"text\"", "-7", "99999999999999999999", "~", "true", "1.5e300", "&a x", "*a",
            "!!binary AAAA",
        ]
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return line }
        let replacement = replacements[Int(random.next() % UInt64(replacements.count))]
        return Array(line[...colon]) + Array(" \(replacement)".utf8)
    }
}

/// A small, fast, seedable generator so every run mutates the same way.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
