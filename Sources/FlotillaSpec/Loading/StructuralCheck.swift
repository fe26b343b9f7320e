/// Checks a YAML tree against the spec schema: unknown keys (with suggestions), missing required
/// keys, wrong node kinds and malformed scalars. Every problem is reported; nothing stops early.
struct StructuralCheck {
    var diagnostics = DiagnosticBag()
    /// Nodes visited; a guard against pathological documents.
    private var visited = 0
    private static let nodeBudget = 2_000_000

    /// Where in the spec a node is, for messages: the nearest named thing and the key path below it.
    struct Context {
        var owner: String
        var path: [String]

        /// The top level of the file.
        static let root = Context(owner: "the spec", path: [])

        func appending(_ component: String) -> Context { Context(owner: owner, path: path + [component]) }

        /// The context of a list item: `routes` → `routes[2]`.
        func indexed(_ index: Int) -> Context {
            Context(owner: owner, path: path.dropLast() + ["\(path.last ?? "")[\(index)]"])
        }

        /// `service 'users'`, or `'resources.limits' in service 'users'`.
        var description: String {
            path.isEmpty ? owner : "'\(path.joined(separator: "."))' in \(owner)"
        }
    }

    mutating func check(_ node: YAMLNode, against schema: Schema, in context: Context) {
        visited += 1
        guard visited <= Self.nodeBudget else { return }
        if case .alias? = node.tree?.kind {
            diagnostics.error(
                "YAML aliases are not supported in \(context.description)", at: node.location,
                hint: "write the value out; anchors and aliases hide what each service really gets")
            return
        }
        switch schema.kind {
        case .object(let properties):
            checkObject(node, properties: properties, hint: schema.misuseHint, in: context)
        case .dictionary(let keyRule, let value, let noun):
            checkDictionary(node, keyRule: keyRule, value: value, noun: noun, in: context)
        case .list(let item, let noun):
            guard expect(node, isSequence: true, what: "a list of \(noun)s", in: context) else { return }
            for (index, child) in node.items.enumerated() {
                check(child, against: item, in: context.indexed(index))
            }
        case .scalar(let type):
            checkScalar(node, type: type, in: context)
        case .anyOf(let alternatives):
            let wantsMapping = node.isMapping
            let match = alternatives.first { alternative in
                if case .object = alternative.kind { return wantsMapping }
                return !wantsMapping
            }
            if let match { check(node, against: match, in: context) }
        }
    }

    private mutating func checkObject(_ node: YAMLNode, properties: [Property], hint: String?, in context: Context) {
        if !node.isPresent, node.tree != nil { return }  // `key:` with no value takes every default
        guard expect(node, isSequence: false, what: "a mapping", in: context, hint: hint) else { return }
        let names = properties.map(\.name)
        var seen = Set<String>()
        for (key, value) in node.pairs {
            guard let name = key.scalarText else {
                diagnostics.error("keys must be plain words in \(context.description)", at: key.location)
                continue
            }
            seen.insert(name)
            guard let property = properties.first(where: { $0.name == name }) else {
                diagnostics.error(
                    "unknown key '\(name)' in \(context.description)\(Suggestion.didYouMean(name, among: names))",
                    at: key.location, hint: "allowed keys here: \(names.joined(separator: ", "))")
                continue
            }
            check(value, against: property.schema, in: context.appending(name))
        }
        for property in properties where property.isRequired && !seen.contains(property.name) {
            diagnostics.error(
                "missing required key '\(property.name)' in \(context.description)", at: node.location,
                hint: property.schema.summary.isEmpty ? nil : "\(property.name): \(property.schema.summary)")
        }
    }

    private mutating func checkDictionary(
        _ node: YAMLNode, keyRule: KeyRule, value: Schema, noun: String, in context: Context
    ) {
        if !node.isPresent, node.tree != nil { return }
        guard expect(node, isSequence: false, what: "a mapping of \(noun) names to values", in: context) else { return }
        for (key, child) in node.pairs {
            guard let name = key.scalarText else {
                diagnostics.error("\(noun) names must be plain words in \(context.description)", at: key.location)
                continue
            }
            switch keyRule {
            case .name where !ScalarSyntax.isName(name):
                diagnostics.error(
                    "\(noun) name '\(name)' is not a valid DNS-1123 label", at: key.location,
                    hint: NameHint.text(for: name))
            case .environmentVariable where !ScalarSyntax.isEnvironmentVariableName(name):
                diagnostics.error(
                    "'\(name)' is not a valid environment variable name", at: key.location,
                    hint: "use letters, digits and underscores, not starting with a digit, e.g. LOG_LEVEL")
            default: break
            }
            check(child, against: value, in: Context(owner: "\(noun) '\(name)'", path: []).nested(under: context))
        }
    }

    /// Reports a node of the wrong kind; true when the node has the expected kind.
    private mutating func expect(
        _ node: YAMLNode, isSequence: Bool, what: String, in context: Context, hint: String? = nil
    ) -> Bool {
        switch node.tree?.kind {
        case .sequence? where isSequence, .mapping? where !isSequence: return true
        case nil: return false
        default:
            diagnostics.error(
                "expected \(what) for \(context.description), found \(node.kindDescription)", at: node.location,
                hint: hint)
            return false
        }
    }
}

extension StructuralCheck.Context {
    /// A context for a dictionary entry, keeping the enclosing owner when it says more.
    fileprivate func nested(under parent: StructuralCheck.Context) -> StructuralCheck.Context {
        parent.owner == StructuralCheck.Context.root.owner
            ? self : StructuralCheck.Context(owner: "\(owner) of \(parent.owner)", path: [])
    }
}

/// The hint for a name that is not a DNS-1123 label.
enum NameHint {
    static func text(for name: String) -> String {
        let rule = "use 1–63 lowercase letters, digits and '-', starting and ending with a letter or digit"
        return ScalarSyntax.suggestedName(for: name).map { "\(rule), e.g. '\($0)'" } ?? rule
    }
}
