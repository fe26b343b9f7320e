import PostgresKit

/// The TLS settings of one ``PostgresEndpoint/TLSMode`` for both postgres-nio configuration types.
struct PostgresTLS {
    let client: PostgresClient.Configuration.TLS
    let connection: PostgresConnection.Configuration.TLS

    init(_ mode: PostgresEndpoint.TLSMode) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            client = .disable
            connection = .disable
            return
        case .prefer, .require:
            tls.certificateVerification = .none
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: tls)
        if mode == .prefer {
            client = .prefer(tls)
            connection = .prefer(context)
        } else {
            client = .require(tls)
            connection = .require(context)
        }
    }
}
