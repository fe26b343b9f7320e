import FlotillaServiceKit
import FlotillaStore
import Hummingbird

/// `GET /notifications`: the signed-in user's notifications, newest first.
struct NotificationRoutes: Sendable {
    let database: Database

    func register(on routes: ServiceRoutes) {
        routes.get("/notifications") { request, _ in
            let caller = try request.callerID()
            let page = try request.pageRequest()
            return JSONResponse.make(try await NotificationRecords(sql: database.sql).page(of: caller, page))
        }
    }
}
