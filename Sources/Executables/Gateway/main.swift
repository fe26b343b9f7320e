import FlotillaContracts
import FlotillaServiceKit
import ShopGateway

await ServiceMain.run(service: "gateway", version: ShopVersion.current) { configuration in
    try await GatewayApplication.build(configuration: configuration)
}
