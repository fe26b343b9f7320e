import FlotillaContracts
import FlotillaServiceKit
import ShopUsers

await ServiceMain.run(service: "users", version: ShopVersion.current) { configuration in
    try await UsersApplication.build(configuration: configuration)
}
