extension Duration {
    /// The duration as a spec writes it: `500ms`, `2s`, `1m30s`, `1h`, `1.5s` (milliseconds precision).
    public var specText: String {
        let total = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        if total == 0 { return "0s" }
        if total % 1000 != 0 {
            return total < 1000 || total % 100 != 0 ? "\(total)ms" : "\(total / 1000).\(total % 1000 / 100)s"
        }
        var seconds = total / 1000
        var text = ""
        for (unit, size) in [("h", Int64(3600)), ("m", 60)] where seconds >= size {
            text += "\(seconds / size)\(unit)"
            seconds %= size
        }
        return seconds > 0 || text.isEmpty ? text + "\(seconds)s" : text
    }
}
