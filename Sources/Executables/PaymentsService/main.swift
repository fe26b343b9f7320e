import FlotillaContracts
import FlotillaServiceKit
import ShopPayments

await ServiceMain.run(service: "payments", version: ShopVersion.current) { configuration in
    try await PaymentsApplication.build(configuration: configuration)
}
