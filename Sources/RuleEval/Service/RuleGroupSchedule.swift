/// When a rule group evaluates: every `interval`, at a stable phase derived from the group's key, with the
/// evaluation timestamp on the aligned slot rather than the wall clock — as Prometheus's `Group.EvalTimestamp`
/// and `Group.run` do (the phase hash is FNV-1a of the key, not Prometheus's xxhash of the group's labels).
///
/// Times are milliseconds since the epoch.
public struct RuleGroupSchedule: Sendable, Hashable {
    /// The evaluation interval (at least 1).
    public let interval: Int64
    /// The group's phase within the interval, in `0..<interval`.
    public let offset: Int64

    /// Creates the schedule of the group `key` (`file;name`) evaluated every `interval` milliseconds.
    public init(key: String, interval: Int64) {
        self.interval = max(1, interval)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        offset = Int64(hash % UInt64(self.interval))
    }

    /// The latest slot at or before `time`.
    public func slot(atOrBefore time: Int64) -> Int64 {
        let adjusted = time - offset
        let remainder = ((adjusted % interval) + interval) % interval
        return adjusted - remainder + offset
    }

    /// The first evaluation after the group starts at `time`: the next slot (Prometheus waits for it).
    public func firstEvaluation(startingAt time: Int64) -> Int64 {
        slot(atOrBefore: time) + interval
    }

    /// The evaluation after one at `previous` that finished at `now`, and how many slots were skipped because
    /// the evaluation overran them (`rule_group_iterations_missed_total`).
    ///
    /// As with Prometheus's ticker, an overrun evaluation is followed at once by one at the latest slot that has
    /// passed (the ticker buffers one tick); otherwise the next slot is waited for.
    public func next(after previous: Int64, finishedAt now: Int64) -> (time: Int64, missed: Int64) {
        let elapsedSlots = max(0, (now - previous) / interval)
        guard elapsedSlots > 0 else { return (previous + interval, 0) }
        return (previous + elapsedSlots * interval, elapsedSlots - 1)
    }
}
