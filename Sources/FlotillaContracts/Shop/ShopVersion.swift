/// The version every shop service reports in its status and logs.
public enum ShopVersion {
    /// The current release.
    public static let current = "0.2.0"
}
