import FlotillaContracts
import FlotillaServiceKit
import ShopProducts

await ServiceMain.run(service: "products", version: ShopVersion.current) { configuration in
    try await ProductsApplication.build(configuration: configuration)
}
