import FlotillaStore

/// A small demo catalogue, seeded by a migration so that a fresh system has something to browse
/// and to order. `sold` stands for earlier sales, so recommendations (best sellers) have an order.
/// Ids are fixed, so every installation has the same ones.
enum DemoCatalogue {
    /// One seeded product.
    struct DemoProduct {
        var id: String
        var sku: String
        var name: String
        var description: String
        var category: String
        var priceCents: Int
        var stock: Int
        var sold: Int

        /// The product's `INSERT`; the texts hold no quotes, so literals are safe here.
        var insertStatement: String {
            """
            INSERT INTO products (id, sku, name, description, category, price_cents, stock, reserved, sold, \
            created_at, updated_at) VALUES ('\(id)', '\(sku)', '\(name)', '\(description)', '\(category)', \
            \(priceCents), \(stock), 0, \(sold), \(DemoCatalogue.seededAt), \(DemoCatalogue.seededAt))
            """
        }
    }

    /// When the seeded rows say they were created: 2026-01-01T00:00:00Z.
    static let seededAt: Int64 = 1_767_225_600_000

    static let products: [DemoProduct] = [
        DemoProduct(
            id: "7532cddb-b501-52af-a1b3-b3661c8b68ab", sku: "COF-ESP-250", name: "Espresso Blend 250 g",
            description: "Dark roast of Brazilian and Indian beans with notes of cocoa.", category: "coffee",
            priceCents: 895, stock: 120, sold: 342),
        DemoProduct(
            id: "8c82958c-347d-545b-819c-368e097d8780", sku: "COF-ETH-250", name: "Ethiopia Yirgacheffe 250 g",
            description: "Washed light roast, floral with bergamot and lemon.", category: "coffee", priceCents: 1290,
            stock: 80, sold: 215),
        DemoProduct(
            id: "0588dfe3-ebbb-579f-81ac-4ad006d1c0fa", sku: "COF-COL-1K", name: "Colombia Huila 1 kg",
            description: "Medium roast for filter and espresso, caramel and red apple.", category: "coffee",
            priceCents: 3450, stock: 40, sold: 98),
        DemoProduct(
            id: "68e56d2f-34b0-5f33-a82d-ee3bcd5959ca", sku: "TEA-SEN-100", name: "Sencha Green Tea 100 g",
            description: "Steamed Japanese green tea, grassy and sweet.", category: "tea", priceCents: 790, stock: 150,
            sold: 187),
        DemoProduct(
            id: "e56f89cf-2caa-5ba2-8d5e-ada3e2d06043", sku: "TEA-ASS-250", name: "Assam Breakfast Tea 250 g",
            description: "Malty black tea that takes milk well.", category: "tea", priceCents: 990, stock: 90, sold: 121
        ),
        DemoProduct(
            id: "516c5779-c145-51fa-a23f-eea86d3c2e03", sku: "TEA-CHA-100", name: "Masala Chai 100 g",
            description: "Black tea with cardamom, cinnamon, ginger and clove.", category: "tea", priceCents: 850,
            stock: 0, sold: 264),
        DemoProduct(
            id: "0dd6af5b-f4c3-578e-9878-a4d7b68d9ec4", sku: "EQP-V60-02", name: "Pour-Over Dripper",
            description: "Ceramic cone dripper for one to four cups.", category: "equipment", priceCents: 2490,
            stock: 35, sold: 76),
        DemoProduct(
            id: "304a37d3-47be-57e3-ab25-556ffa8cbf0e", sku: "EQP-GRD-MAN", name: "Hand Grinder",
            description: "Steel burr grinder with 40 click settings.", category: "equipment", priceCents: 8900,
            stock: 12, sold: 41),
        DemoProduct(
            id: "bb1d3061-45d2-5637-b8ce-68cad39bb92e", sku: "EQP-KET-GOO", name: "Gooseneck Kettle 1 l",
            description: "Stovetop kettle with a narrow spout for precise pouring.", category: "equipment",
            priceCents: 4500, stock: 20, sold: 58),
        DemoProduct(
            id: "8d2c962e-4c7b-554f-a093-0809455df344", sku: "EQP-SCL-01", name: "Brewing Scale",
            description: "Scale with timer, 0.1 g resolution up to 2 kg.", category: "equipment", priceCents: 3200,
            stock: 25, sold: 63),
        DemoProduct(
            id: "2e83c9e3-baad-5d15-9571-e1b60049db45", sku: "ACC-FIL-100", name: "Paper Filters (100)",
            description: "Unbleached paper filters for cone drippers.", category: "accessories", priceCents: 450,
            stock: 300, sold: 410),
        DemoProduct(
            id: "2cb0f766-0183-5cbd-b6c4-5bcbe81c5abd", sku: "ACC-MUG-350", name: "Stoneware Mug 350 ml",
            description: "Hand-glazed mug that keeps coffee warm.", category: "accessories", priceCents: 1800,
            stock: 60, sold: 133),
    ]

    /// The seed, as a migration (plain `INSERT`s, the same on both engines).
    static let migration = Migration(
        id: "products-0003", name: "seed demo catalogue", sql: products.map(\.insertStatement))
}
