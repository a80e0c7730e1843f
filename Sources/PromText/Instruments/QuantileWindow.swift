/// The sliding time window behind a summary's quantiles, rotated like client_golang's.
///
/// The window keeps `ageBuckets` quantile streams. Every observation goes into all of them; queries read the
/// oldest one (the head). Every `maxAge / ageBuckets` the head is cleared and the next stream becomes the head,
/// so a query covers between `maxAge × (ageBuckets − 1) / ageBuckets` and `maxAge` of recent observations.
/// Time is passed in, so the window is a plain value that tests step without sleeping.
struct QuantileWindow {
    private var streams: [TargetedQuantileStream]
    private var headIndex = 0
    /// When the head stream is cleared, in seconds since the epoch.
    private var headExpiry: Double
    private let streamDuration: Double

    /// Creates an empty window starting at `now`.
    init(objectives: [TargetedQuantileStream.Objective], maxAgeSeconds: Double, ageBuckets: Int, now: Double) {
        streams = Array(repeating: TargetedQuantileStream(objectives: objectives), count: ageBuckets)
        streamDuration = maxAgeSeconds / Double(ageBuckets)
        headExpiry = now + streamDuration
    }

    /// Adds an observation made at `now`.
    mutating func insert(_ value: Double, now: Double) {
        rotate(now: now)
        for index in streams.indices {
            streams[index].insert(value)
        }
    }

    /// The estimates of `quantiles` over the window as of `now`; NaN for each when the window is empty.
    mutating func query(_ quantiles: [Double], now: Double) -> [Double] {
        rotate(now: now)
        guard streams[headIndex].count > 0 else { return quantiles.map { _ in .nan } }
        return quantiles.map { streams[headIndex].query($0) }
    }

    /// Clears and advances the head once for every stream duration that ended before `now`, in constant time
    /// even after a long pause. If the wall clock was set back before the head stream's start, the head's expiry
    /// is re-anchored at `now`, so a clock step back does not freeze the window.
    private mutating func rotate(now: Double) {
        if now < headExpiry - streamDuration {
            headExpiry = now + streamDuration
        }
        guard now > headExpiry else { return }
        let rotations = max(1, ((now - headExpiry) / streamDuration).rounded(.up))
        let streamCount = Double(streams.count)
        for offset in 0..<Int(min(rotations, streamCount)) {
            streams[(headIndex + offset) % streams.count].reset()
        }
        headIndex = (headIndex + Int(rotations.truncatingRemainder(dividingBy: streamCount))) % streams.count
        headExpiry += rotations * streamDuration
    }
}
