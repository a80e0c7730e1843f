/// A streaming estimate of chosen quantiles within chosen absolute errors, using the targeted-quantiles
/// algorithm of Cormode, Korn, Muthukrishnan and Srivastava ("Effective Computation of Biased Quantiles over
/// Data Streams"), with the same buffering, merge, compression and query rules as the `beorn7/perks` package
/// that client_golang's summaries use, so estimates should agree with client_golang's for the same sequence of
/// observations.
///
/// Observations are buffered and merged into a compressed list of weighted samples when the buffer is full or
/// a query needs them. Not thread-safe: ``Summary`` keeps its streams behind a mutex.
struct TargetedQuantileStream {
    /// One quantile to estimate and the absolute error allowed for it, e.g. 0.99 within 0.001.
    struct Objective: Sendable, Hashable {
        var quantile: Double
        var allowedError: Double
    }

    /// A compressed sample: a value standing for `width` observations, with rank uncertainty `delta`.
    private struct WeightedSample {
        var value: Double
        var width: Double
        var delta: Double
    }

    /// How many observations are buffered before they are merged (perks' buffer size).
    private static let bufferCapacity = 500

    private let objectives: [Objective]
    private var buffer: [Double] = []
    private var bufferIsSorted = true
    private var samples: [WeightedSample] = []
    private var mergedCount: Double = 0

    /// Creates an empty stream for `objectives`.
    init(objectives: [Objective]) {
        self.objectives = objectives
        buffer.reserveCapacity(Self.bufferCapacity)
    }

    /// The number of observations in the stream.
    var count: Int { buffer.count + Int(mergedCount) }

    /// Adds one observation.
    mutating func insert(_ value: Double) {
        buffer.append(value)
        bufferIsSorted = false
        if buffer.count == Self.bufferCapacity {
            flush()
        }
    }

    /// Forgets every observation.
    mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        bufferIsSorted = true
        samples.removeAll(keepingCapacity: true)
        mergedCount = 0
    }

    /// The estimate of `quantile`, which should be one of the objectives; 0 for an empty stream.
    ///
    /// While nothing has been merged yet the answer is read exactly from the sorted buffer, which is also more
    /// accurate for small numbers of observations.
    mutating func query(_ quantile: Double) -> Double {
        if samples.isEmpty {
            guard !buffer.isEmpty else { return 0 }
            sortBuffer()
            let rank = Int((Double(buffer.count) * quantile).rounded(.up))
            return buffer[max(rank - 1, 0)]
        }
        flush()
        var target = (quantile * mergedCount).rounded(.up)
        target += (allowedRankError(atRank: target) / 2).rounded(.up)
        var previous = samples[0]
        var rank: Double = 0
        for current in samples.dropFirst() {
            rank += previous.width
            if rank + current.width + current.delta > target {
                return previous.value
            }
            previous = current
        }
        return previous.value
    }

    /// The invariant of the targeted algorithm: how much rank error is allowed at rank `rank` so that every
    /// objective stays within its error.
    private func allowedRankError(atRank rank: Double) -> Double {
        var smallest = Double.greatestFiniteMagnitude
        for objective in objectives {
            let allowed =
                objective.quantile * mergedCount <= rank
                ? 2 * objective.allowedError * rank / objective.quantile
                : 2 * objective.allowedError * (mergedCount - rank) / (1 - objective.quantile)
            if allowed < smallest {
                smallest = allowed
            }
        }
        return smallest
    }

    private mutating func sortBuffer() {
        if !bufferIsSorted {
            buffer.sort()
            bufferIsSorted = true
        }
    }

    private mutating func flush() {
        sortBuffer()
        merge(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Merges sorted observations into the sample list, then compresses it.
    private mutating func merge(_ sortedValues: [Double]) {
        var rank: Double = 0
        var index = 0
        for value in sortedValues {
            while index < samples.count && samples[index].value <= value {
                rank += samples[index].width
                index += 1
            }
            let delta = index < samples.count ? max(0, allowedRankError(atRank: rank).rounded(.down) - 1) : 0
            samples.insert(WeightedSample(value: value, width: 1, delta: delta), at: index)
            index += 1
            mergedCount += 1
            rank += 1
        }
        compress()
    }

    /// Folds neighbouring samples together wherever the invariant allows, from the top down.
    private mutating func compress() {
        guard samples.count >= 2 else { return }
        var upperIndex = samples.count - 1
        var upper = samples[upperIndex]
        var rank = mergedCount - 1 - upper.width
        for index in stride(from: samples.count - 2, through: 0, by: -1) {
            let current = samples[index]
            if current.width + upper.width + upper.delta <= allowedRankError(atRank: rank) {
                upper.width += current.width
                samples[upperIndex] = upper
                samples.remove(at: index)
                upperIndex -= 1
            } else {
                upper = current
                upperIndex = index
            }
            rank -= current.width
        }
    }
}
