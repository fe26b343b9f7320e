/// The version `flotilla --version` prints.
enum FlotillaVersion {
    static let current = "0.1.0"
}
