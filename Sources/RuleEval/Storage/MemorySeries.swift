import PromText

/// One series in memory: its labels and its samples in compressed chunks, oldest first.
struct MemorySeries: Sendable {
    /// The sorted label set including `__name__`.
    let labels: Labels
    /// Complete chunks, oldest first.
    private(set) var sealedChunks: [XORChunk] = []
    /// The chunk being appended to.
    private(set) var headChunk = XORChunk()

    init(labels: Labels) {
        self.labels = labels
    }

    /// The chunk holding the newest sample, or `nil` for an empty series.
    private var newestChunk: XORChunk? {
        headChunk.count > 0 ? headChunk : sealedChunks.last
    }

    /// The number of samples held.
    var sampleCount: Int { sealedChunks.reduce(headChunk.count) { $0 + $1.count } }

    /// Bytes used by sample data.
    var sampleBytes: Int { sealedChunks.reduce(headChunk.byteCount) { $0 + $1.byteCount } }

    /// Appends a sample, rejecting it as Prometheus's head appender does; a repeat of the newest sample with the
    /// same value bits is accepted and ignored.
    mutating func append(timestamp: Int64, value: Double) throws(AppendError) {
        if let newest = newestChunk {
            if timestamp < newest.lastTimestamp { throw .outOfOrder }
            if timestamp == newest.lastTimestamp {
                guard newest.lastValueBits == value.bitPattern else { throw .duplicateTimestamp }
                return
            }
        }
        if headChunk.isFull {
            headChunk.seal()
            sealedChunks.append(headChunk)
            headChunk = XORChunk()
        }
        headChunk.append(timestamp: timestamp, value: value)
    }

    /// Calls `body` for each sample with `minimum < timestamp <= maximum` (left-open, as Prometheus 3 selects).
    func forEachSample(after minimum: Int64, through maximum: Int64, _ body: (Int64, Double) -> Void) {
        for chunk in sealedChunks where chunk.lastTimestamp > minimum && chunk.firstTimestamp <= maximum {
            chunk.forEachSample { timestamp, value in
                if timestamp > minimum && timestamp <= maximum { body(timestamp, value) }
            }
        }
        guard headChunk.count > 0, headChunk.lastTimestamp > minimum, headChunk.firstTimestamp <= maximum else {
            return
        }
        headChunk.forEachSample { timestamp, value in
            if timestamp > minimum && timestamp <= maximum { body(timestamp, value) }
        }
    }

    /// Drops sealed chunks whose samples are all at or before `cutoff`; returns whether the series is now empty.
    mutating func dropChunks(endingAtOrBefore cutoff: Int64) -> Bool {
        sealedChunks.removeAll { $0.lastTimestamp <= cutoff }
        if sealedChunks.isEmpty && headChunk.count > 0 && headChunk.lastTimestamp <= cutoff {
            headChunk = XORChunk()
        }
        return sealedChunks.isEmpty && headChunk.count == 0
    }
}
