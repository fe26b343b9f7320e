/// Refuses request paths that could mean different things to the gateway and an upstream, before
/// any routing: dot segments (`/api/users/../admin`), encoded slashes, dots, backslashes, NUL and
/// `%` itself (`%2F`, `%2e`, `%5C`, `%00`, `%25` — double encoding), malformed escapes, raw
/// backslashes and control characters, and empty segments (`//`). A trailing slash is allowed.
/// Stricter than RFC 3986 on purpose: the gateway forwards the path as it came, so it only lets
/// through paths every server normalises the same way.
enum RequestPathCheck {
    /// Why `path` is refused, or nil when it is acceptable.
    static func problem(in path: String) -> String? {
        let bytes = path.utf8[...]
        guard bytes.first == UInt8(ascii: "/") else { return "the path must start with '/'" }
        var segmentStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "/"):
                let isFirst = segmentStart == bytes.startIndex
                if let reason = segmentProblem(bytes[segmentStart..<index], allowEmpty: isFirst) { return reason }
                segmentStart = bytes.index(after: index)
            case UInt8(ascii: "\\"):
                return "backslashes are not allowed in paths"
            case 0..<0x20, 0x7F:
                return "control characters are not allowed in paths"
            case UInt8(ascii: "%"):
                let rest = bytes[bytes.index(after: index)...]
                guard rest.count >= 2, let high = hex(rest[rest.startIndex]),
                    let low = hex(rest[rest.index(after: rest.startIndex)])
                else { return "the path has a malformed percent-escape" }
                let decoded = high << 4 | low
                if Self.refusedEncodings.contains(decoded) || decoded < 0x20 || decoded == 0x7F {
                    return "encoded '/', '\\', '.', '%' and control characters are not allowed in paths"
                }
            default:
                break
            }
            index = bytes.index(after: index)
        }
        return segmentProblem(bytes[segmentStart...], allowEmpty: true)
    }

    private static let refusedEncodings: Set<UInt8> = [
        UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "."), UInt8(ascii: "%"),
    ]

    /// `segment` is the text between two slashes; a path parameter (`;…`) does not hide a dot
    /// segment. Only the first segment (before the leading `/`) and the last (after a trailing
    /// `/`) may be empty.
    private static func segmentProblem(_ segment: Substring.UTF8View, allowEmpty: Bool) -> String? {
        if segment.isEmpty { return allowEmpty ? nil : "empty path segments are not allowed" }
        let name = segment.prefix { $0 != UInt8(ascii: ";") }
        if name.elementsEqual(".".utf8) || name.elementsEqual("..".utf8) {
            return "dot segments ('.' and '..') are not allowed in paths"
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
