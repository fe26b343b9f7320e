/// The spec's scalar syntaxes for other modules, so a service reads `FLOTILLA_DRAIN=10s` exactly
/// as the spec reads `drain: 10s`.
public enum SpecSyntax {
    /// Parses a duration such as `500ms`, `2s`, `1m30s` (see docs/spec.md); nil when malformed.
    public static func duration(_ text: String) -> Duration? { ScalarSyntax.duration(text) }

    /// Whether `text` is a DNS-1123 label, the rule for every name in the spec.
    public static func isName(_ text: String) -> Bool { ScalarSyntax.isName(text) }
}
