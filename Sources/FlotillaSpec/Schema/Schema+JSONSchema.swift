extension Schema {
    /// The spec as a JSON Schema (draft 2020-12) document, for editors (yaml-language-server) and CI.
    public static func jsonSchemaDocument() -> JSONValue {
        var document = SpecSchema.root.jsonSchema
        guard case .object(var fields) = document else { return document }
        fields["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        fields["$id"] = .string("https://flotilla.dev/schema/flotilla.schema.json")
        fields["title"] = .string("flotilla.yaml")
        document = .object(fields)
        return document
    }

    /// This node as JSON Schema.
    public var jsonSchema: JSONValue {
        var fields: [String: JSONValue] = [:]
        if !summary.isEmpty { fields["description"] = .string(summary) }
        switch kind {
        case .object(let properties):
            fields["type"] = .string("object")
            fields["additionalProperties"] = .bool(false)
            var described: [String: JSONValue] = [:]
            for property in properties {
                var schema = property.schema.jsonSchema
                if let value = property.defaultValue, case .object(var inner) = schema {
                    inner["description"] = .string(
                        [property.schema.summary, "Default: \(value)."].filter { !$0.isEmpty }.joined(separator: " "))
                    schema = .object(inner)
                }
                described[property.name] = schema
            }
            fields["properties"] = .object(described)
            let required = properties.filter(\.isRequired).map { JSONValue.string($0.name) }
            if !required.isEmpty { fields["required"] = .array(required) }
        case .dictionary(let key, let value, _):
            fields["type"] = .string("object")
            fields["propertyNames"] = .object(["pattern": .string(key.pattern)])
            fields["additionalProperties"] = value.jsonSchema
        case .list(let item, _):
            fields["type"] = .string("array")
            fields["items"] = item.jsonSchema
        case .scalar(let type):
            fields.merge(type.jsonSchemaFields) { _, new in new }
        case .anyOf(let alternatives):
            fields["anyOf"] = .array(alternatives.map(\.jsonSchema))
        }
        return .object(fields)
    }
}

extension KeyRule {
    var pattern: String {
        switch self {
        case .name: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
        case .environmentVariable: "^[A-Za-z_][A-Za-z0-9_]*$"
        }
    }
}

extension ScalarType {
    var jsonSchemaFields: [String: JSONValue] {
        let name = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"
        func pattern(_ regex: String) -> [String: JSONValue] { ["type": .string("string"), "pattern": .string(regex)] }
        switch self {
        case .string:
            return ["type": .array([.string("string"), .string("number"), .string("boolean")])]
        case .integer(let range):
            return [
                "type": .string("integer"), "minimum": .integer(range.lowerBound),
                "maximum": .integer(range.upperBound),
            ]
        case .number(let range):
            return [
                "type": .string("number"), "minimum": .number(range.lowerBound), "maximum": .number(range.upperBound),
            ]
        case .boolean:
            return ["type": .string("boolean")]
        case .oneOf(let words):
            return ["type": .string("string"), "enum": .array(words.map(JSONValue.string))]
        case .duration:
            return pattern("^([0-9]+(\\.[0-9]{1,3})?(ms|s|m|h))+$")
        case .cpu:
            return [
                "type": .array([.string("string"), .string("number")]),
                "pattern": .string("^([0-9]+m|[0-9]+(\\.[0-9]{1,3})?)$"),
            ]
        case .memory:
            return [
                "type": .array([.string("string"), .string("integer")]),
                "pattern": .string("^[0-9]+(\\.[0-9]{1,3})?(Ki|Mi|Gi|Ti|k|M|G|T)?$"),
            ]
        case .path:
            return pattern("^/([^/?#%\\\\\\s]+(/[^/?#%\\\\\\s]+)*)?$")
        case .name:
            return pattern("^\(name)$")
        case .event:
            return pattern("^\(name)(\\.\(name))+$")
        case .operation:
            return pattern("^\(name)\\.\(name)$")
        }
    }
}
