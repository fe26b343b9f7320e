import Foundation

extension DatabaseConfiguration {
    /// The environment variable that selects PostgreSQL.
    public static let databaseURLVariable = "DATABASE_URL"
    /// The environment variable naming the folder of SQLite files.
    public static let dataDirectoryVariable = "FLOTILLA_DATA_DIR"
    /// The SQLite folder when ``dataDirectoryVariable`` is unset, relative to the current directory.
    public static let defaultDataDirectory = ".flotilla/data"

    /// Reads the runtime environment contract.
    ///
    /// - `DATABASE_URL` set → PostgreSQL at that URL (see ``PostgresEndpoint/init(url:variable:)``).
    /// - otherwise → SQLite file `<FLOTILLA_DATA_DIR or .flotilla/data>/<databaseName>.sqlite`;
    ///   a relative folder is resolved against `currentDirectory`.
    ///
    /// A variable that is set but empty is an error rather than a silent fallback.
    /// - Parameters:
    ///   - environment: Usually `ProcessInfo.processInfo.environment`.
    ///   - databaseName: The service's database name, e.g. `orders` (letters, digits, `-`, `_`, `.`).
    ///   - currentDirectory: Base for relative folders; defaults to the process's working directory.
    /// - Throws: ``DatabaseConfigurationError`` naming the variable, the problem and the fix.
    public static func fromEnvironment(
        _ environment: [String: String], databaseName: String,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(DatabaseConfigurationError) -> DatabaseConfiguration {
        if let url = environment[databaseURLVariable] {
            guard !url.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw DatabaseConfigurationError(
                    variable: databaseURLVariable, problem: "is set but empty",
                    fix: "Set it to postgres://USER:PASSWORD@HOST:PORT/DATABASE, or unset it to use SQLite")
            }
            return try postgres(url: url, variable: databaseURLVariable)
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !databaseName.isEmpty, !databaseName.hasPrefix("."),
            databaseName.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII })
        else {
            throw DatabaseConfigurationError(
                variable: "database name", problem: "\"\(databaseName)\" cannot name an SQLite file",
                fix: "Use letters, digits, '-', '_' or '.', e.g. orders")
        }
        var directory = defaultDataDirectory
        if let configured = environment[dataDirectoryVariable] {
            guard !configured.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw DatabaseConfigurationError(
                    variable: dataDirectoryVariable, problem: "is set but empty",
                    fix: "Set it to a writable folder, or unset it to use \(defaultDataDirectory)")
            }
            directory = configured
        }
        let folder =
            directory.hasPrefix("/")
            ? URL(fileURLWithPath: directory, isDirectory: true)
            : URL(fileURLWithPath: currentDirectory, isDirectory: true).appendingPathComponent(directory)
        let path = folder.standardizedFileURL.appendingPathComponent("\(databaseName).sqlite").path
        return .sqlite(path: path)
    }
}
