/// The shape of one node of a spec: what the structural check enforces, what `flotilla schema`
/// prints as JSON Schema, and where documentation of each key lives. One description serves all
/// three so they cannot drift apart.
public struct Schema: Sendable {
    /// What kind of YAML node is expected.
    public indirect enum Kind: Sendable {
        /// A mapping with a fixed set of keys.
        case object([Property])
        /// A mapping whose keys are names chosen by the user (services, env vars, …).
        case dictionary(key: KeyRule, value: Schema, entryNoun: String)
        /// A sequence of items of one shape.
        case list(Schema, itemNoun: String)
        /// A scalar of one type.
        case scalar(ScalarType)
        /// Any one of the alternatives; the node's kind (scalar or mapping) picks which.
        case anyOf([Schema])
    }

    /// What kind of node is expected.
    public var kind: Kind
    /// One sentence for editors and the docs.
    public var summary: String
    /// What to tell a user who wrote a value of the wrong kind here, when the usual message is not enough.
    public var misuseHint: String?

    /// Creates a schema node.
    public init(_ kind: Kind, _ summary: String = "", misuseHint: String? = nil) {
        self.kind = kind
        self.summary = summary
        self.misuseHint = misuseHint
    }
}

/// One key of an object.
public struct Property: Sendable {
    /// The key as written in YAML.
    public var name: String
    /// The shape of its value.
    public var schema: Schema
    /// Whether the key must be present.
    public var isRequired: Bool
    /// The value used when the key is absent, as written in YAML (documentation only).
    public var defaultValue: String?

    /// Creates a property.
    public init(_ name: String, _ schema: Schema, required: Bool = false, default defaultValue: String? = nil) {
        self.name = name
        self.schema = schema
        self.isRequired = required
        self.defaultValue = defaultValue
    }
}

/// The type of a scalar value.
public enum ScalarType: Sendable, Hashable {
    /// Any text.
    case string
    /// A whole number in a range.
    case integer(ClosedRange<Int>)
    /// A decimal number in a range.
    case number(ClosedRange<Double>)
    /// `true` or `false`.
    case boolean
    /// One of a fixed set of words.
    case oneOf([String])
    /// A duration such as `500ms`, `2s`, `1m30s`, `1h`.
    case duration
    /// A Kubernetes CPU quantity: `250m`, `0.5`, `2`.
    case cpu
    /// A Kubernetes memory quantity: `128Mi`, `1Gi`, `500M`, `1048576`.
    case memory
    /// An absolute URL path starting with `/`.
    case path
    /// A DNS-1123 label: lowercase letters, digits and `-`, at most 63 characters.
    case name
    /// An event name: dot-separated lowercase words, e.g. `order.confirmed`.
    case event
    /// A reference to an operation of a service: `service.operation`.
    case operation
}

/// What the keys of a dictionary must look like.
public enum KeyRule: Sendable, Hashable {
    /// A DNS-1123 label (it becomes a Kubernetes object name).
    case name
    /// An environment variable name: `[A-Za-z_][A-Za-z0-9_]*`.
    case environmentVariable
}
