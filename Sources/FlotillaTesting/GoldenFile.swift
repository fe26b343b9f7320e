import Foundation

/// Golden files: expected output kept beside the tests. A comparison fails on any difference;
/// setting `FLOTILLA_RECORD_GOLDEN=1` rewrites the file instead (never set in CI).
public enum GoldenFile {
    /// What a comparison found.
    public enum Outcome: Equatable, Sendable {
        /// The file holds exactly the actual text.
        case matches
        /// Recording was on and the file was written.
        case recorded
        /// The file differs or is missing; the payload says how.
        case mismatch(String)
    }

    /// Whether this run records instead of comparing.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["FLOTILLA_RECORD_GOLDEN"] == "1" }

    /// Compares `actual` with the file at `path`, or records it.
    public static func compare(_ actual: String, with path: String) -> Outcome {
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
                return .recorded
            } catch {
                return .mismatch("cannot record \(path): \(error)")
            }
        }
        guard let expected = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) })
        else {
            return .mismatch("missing golden file \(path); run with FLOTILLA_RECORD_GOLDEN=1 to create it")
        }
        guard expected != actual else { return .matches }
        return .mismatch("\(path) differs:\n" + LineDiff.describe(expected: expected, actual: actual))
    }
}

/// A compact description of where two texts first differ, line by line.
public enum LineDiff {
    /// `-expected` / `+actual` lines around every differing line (at most 20 of them).
    public static func describe(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) where lines.count < 40 {
            let left = index < old.count ? String(old[index]) : nil
            let right = index < new.count ? String(new[index]) : nil
            guard left != right else { continue }
            if let left { lines.append("\(index + 1)- \(left)") }
            if let right { lines.append("\(index + 1)+ \(right)") }
        }
        return lines.joined(separator: "\n")
    }
}
