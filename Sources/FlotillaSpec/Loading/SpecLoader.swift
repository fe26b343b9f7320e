import Yams

/// What loading a spec produced: the model (when the YAML could be read at all) and every
/// problem found, sorted by position.
public struct SpecLoadResult: Sendable {
    /// The model with defaults filled in; nil when the file is not a YAML mapping.
    public var spec: SystemSpec?
    /// Every error and warning, in reading order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(spec: SystemSpec?, diagnostics: [Diagnostic]) {
        self.spec = spec
        self.diagnostics = diagnostics
    }

    /// Whether the spec has no errors (warnings allowed).
    public var isValid: Bool { spec != nil && !diagnostics.containsErrors }
}

/// Loads `flotilla.yaml`: YAML → structural check against ``SpecSchema`` → typed model → semantic
/// validation. Pure: it is given the bytes and the file name to report, and never traps, whatever
/// the input.
public enum SpecLoader {
    /// Loads a spec from raw bytes, reporting invalid UTF-8 as a diagnostic.
    public static func load(bytes: [UInt8], file: String) -> SpecLoadResult {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = UTF8Validation.firstInvalidOffset(in: bytes)
            return failure(
                "the file is not valid UTF-8 text", at: UTF8Validation.location(of: offset, in: bytes, file: file),
                hint: "save the file as UTF-8")
        }
        return load(yaml: text, file: file)
    }

    /// Loads a spec from text.
    public static func load(yaml: String, file: String) -> SpecLoadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .basic)
        } catch {
            return SpecLoadResult(
                spec: nil, diagnostics: [YAMLErrorDiagnostic.make(from: error, yaml: yaml, file: file)])
        }
        guard let node else {
            return failure("the spec is empty", at: start, hint: "start from the example in docs/spec.md")
        }
        let root = YAMLNode(YAMLTree(node, file: file, fallback: start), fallback: start)
        guard root.isMapping else {
            return failure(
                "the spec must be a mapping of keys to values, found \(root.kindDescription)", at: root.location,
                hint: "start with 'name:' and 'services:'")
        }
        var structure = StructuralCheck()
        structure.check(root, against: SpecSchema.root, in: .root)
        var builder = ModelBuilder()
        let spec = builder.system(from: root)
        let semantic = SpecValidator.validate(spec)
        let diagnostics = structure.diagnostics.items + builder.diagnostics.items + semantic
        return SpecLoadResult(spec: spec, diagnostics: diagnostics.sortedByPosition())
    }

    private static func failure(_ message: String, at location: SourceLocation, hint: String) -> SpecLoadResult {
        SpecLoadResult(spec: nil, diagnostics: [Diagnostic(.error, message, at: location, hint: hint)])
    }
}
