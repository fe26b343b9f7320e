import FlotillaContracts
import FlotillaServiceKit
import ShopNotifications

await ServiceMain.run(service: "notifications", version: ShopVersion.current) { configuration in
    try await NotificationsApplication.build(configuration: configuration)
}
