import FlotillaContracts
import FlotillaServiceKit
import ShopOrders

await ServiceMain.run(service: "orders", version: ShopVersion.current) { configuration in
    try await OrdersApplication.build(configuration: configuration)
}
