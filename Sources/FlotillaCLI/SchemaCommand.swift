import ArgumentParser
import FlotillaSpec

/// `flotilla schema`: print the JSON Schema of flotilla.yaml.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of flotilla.yaml for editor completion and inline errors.",
        discussion: """
            Save it and point your editor at it, e.g. with the YAML language server:
              flotilla schema > flotilla.schema.json
              # yaml-language-server: $schema=./flotilla.schema.json
            """)

    func run() throws {
        print(try JSONText.encode(Schema.jsonSchemaDocument()))
    }
}
