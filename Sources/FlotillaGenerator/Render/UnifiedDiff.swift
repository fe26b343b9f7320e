/// Line diffs in unified format (`diff -u`), for `flotilla generate --check`.
///
/// Myers' O((N+M)·D) algorithm: cheap when a regenerated file differs from the one on disk in a
/// few lines, whatever the file's size.
public enum UnifiedDiff {
    enum Edit: Equatable {
        case keep(String)
        case delete(String)
        case insert(String)
    }

    /// The unified diff from `old` to `new` with `context` lines around changes; empty when equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let edits = edits(lines(old), lines(new))
        // Line numbers (1-based) each edit starts at, in the old and the new file.
        var oldNumbers: [Int] = []
        var newNumbers: [Int] = []
        var oldLine = 1
        var newLine = 1
        for edit in edits {
            oldNumbers.append(oldLine)
            newNumbers.append(newLine)
            if case .insert = edit {} else { oldLine += 1 }
            if case .delete = edit {} else { newLine += 1 }
        }
        let changes = edits.indices.filter { edits[$0].isChange }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var position = 0
        while position < changes.count {
            let firstChange = changes[position]
            var lastChange = firstChange
            while position + 1 < changes.count, changes[position + 1] - lastChange <= 2 * context {
                position += 1
                lastChange = changes[position]
            }
            position += 1
            let hunk = edits[max(0, firstChange - context)..<min(edits.count, lastChange + context + 1)]
            let oldCount = hunk.filter { if case .insert = $0 { false } else { true } }.count
            let newCount = hunk.filter { if case .delete = $0 { false } else { true } }.count
            let oldStart = oldNumbers[hunk.startIndex] - (oldCount == 0 ? 1 : 0)
            let newStart = newNumbers[hunk.startIndex] - (newCount == 0 ? 1 : 0)
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in hunk {
                switch edit {
                case .keep(let line): output += " \(line)\n"
                case .delete(let line): output += "-\(line)\n"
                case .insert(let line): output += "+\(line)\n"
                }
            }
        }
        return output
    }

    private static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// The shortest edit script from `a` to `b`.
    static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count
        let m = b.count
        let maximum = n + m
        var frontier = [Int](repeating: 0, count: 2 * maximum + 2)
        var trace: [[Int]] = []
        outer: for d in 0...maximum {
            // Past this many edits a whole-file replacement reads as well and bounds the memory.
            if d > 4000 { return a.map(Edit.delete) + b.map(Edit.insert) }
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                let down = k == -d || (k != d && frontier[maximum + k - 1] < frontier[maximum + k + 1])
                var x = down ? frontier[maximum + k + 1] : frontier[maximum + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[maximum + k] = x
                if x >= n, y >= m { break outer }
            }
        }
        var x = n
        var y = m
        var result: [Edit] = []
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let down = k == -d || (k != d && v[maximum + k - 1] < v[maximum + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[maximum + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                result.append(.keep(a[x]))
            }
            guard d > 0 else { break }
            if down {
                y -= 1
                result.append(.insert(b[y]))
            } else {
                x -= 1
                result.append(.delete(a[x]))
            }
        }
        return result.reversed()
    }
}

extension UnifiedDiff.Edit {
    var isChange: Bool {
        if case .keep = self { return false }
        return true
    }
}
