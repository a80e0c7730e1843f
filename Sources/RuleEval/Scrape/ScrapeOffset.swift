import PromText

/// When a target's first scrape happens: each target gets a stable phase within its interval derived from a hash
/// of its labels and URL, so targets spread over the interval and a restart keeps each one's phase, as
/// Prometheus's `Target.offset` does (the hash itself is FNV-1a, not Prometheus's).
enum ScrapeOffset {
    /// The delay from `now` (nanoseconds since the epoch) to the target's next slot, in `(0, interval]`.
    static func delay(for target: ScrapeTarget, interval: Duration, now: Int64) -> Duration {
        let period = max(
            1, interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000)
        let base = period - now % period
        var next = base + Int64(hash(target) % UInt64(period))
        if next > period { next -= period }
        return .nanoseconds(next)
    }

    /// FNV-1a over the target's labels (names and values separated by 0xFF) and URL.
    static func hash(_ target: ScrapeTarget) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let feed = { (bytes: String.UTF8View) in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xFF
            hash = hash &* 0x100_0000_01b3
        }
        for label in target.labels {
            feed(label.name.utf8)
            feed(label.value.utf8)
        }
        feed(target.url.utf8)
        return hash
    }
}
