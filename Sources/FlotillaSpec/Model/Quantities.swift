/// A Kubernetes CPU quantity such as `250m`, `0.5` or `2`.
public struct CPUQuantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in thousandths of a core.
    public var millicores: Int
    /// The quantity as written, which is valid Kubernetes syntax.
    public var description: String

    /// A quantity of `millicores`, written canonically (`2` or `250m`).
    public init(millicores: Int) {
        self.millicores = millicores
        self.description = millicores % 1000 == 0 ? "\(millicores / 1000)" : "\(millicores)m"
    }

    /// Parses `250m`, `0.5`, `2`; nil for anything else (including zero or sub-millicore amounts).
    public init?(parsing text: String) {
        let millicores: Int
        if text.hasSuffix("m") {
            guard let value = Int(text.dropLast()), value > 0 else { return nil }
            millicores = value
        } else {
            guard let value = Decimal3.parse(text), value > 0 else { return nil }
            millicores = value
        }
        self.millicores = millicores
        self.description = text
    }

    /// Compares amounts.
    public static func < (lhs: CPUQuantity, rhs: CPUQuantity) -> Bool { lhs.millicores < rhs.millicores }
}

/// A Kubernetes memory quantity such as `128Mi`, `1Gi`, `500M` or a byte count.
public struct MemoryQuantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in bytes.
    public var bytes: Int
    /// The quantity as written, which is valid Kubernetes syntax.
    public var description: String

    private static let suffixes: [(String, Int)] = [
        ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40),
        ("k", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
    ]

    /// A quantity of `bytes`, written with the largest binary suffix that divides it.
    public init(bytes: Int) {
        self.bytes = bytes
        let binary = Self.suffixes.prefix(4).reversed().first { bytes % $0.1 == 0 }
        self.description = binary.map { "\(bytes / $0.1)\($0.0)" } ?? "\(bytes)"
    }

    /// Parses `128Mi`, `1Gi`, `1.5Gi`, `500M`, `1048576`; nil for anything else or zero.
    public init?(parsing text: String) {
        let (number, multiplier) =
            Self.suffixes.first { text.hasSuffix($0.0) }.map { (String(text.dropLast($0.0.count)), $0.1) }
            ?? (text, 1)
        guard let thousandths = Decimal3.parse(number), thousandths > 0 else { return nil }
        let (scaled, overflow) = thousandths.multipliedReportingOverflow(by: multiplier)
        guard !overflow, scaled / 1000 > 0 else { return nil }
        self.bytes = scaled / 1000
        self.description = text
    }

    /// Compares amounts.
    public static func < (lhs: MemoryQuantity, rhs: MemoryQuantity) -> Bool { lhs.bytes < rhs.bytes }
}

/// Parses non-negative decimals with at most three fractional digits into thousandths:
/// `"0.5"` → 500, `"2"` → 2000. Anything else, including exponents and signs, is nil.
enum Decimal3 {
    static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy(\.isASCIIDigit), whole.count <= 12, let wholeValue = Int(whole)
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 3, fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else {
            return nil
        }
        fraction += String(repeating: "0", count: 3 - fraction.count)
        return wholeValue * 1000 + (Int(fraction) ?? 0)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
