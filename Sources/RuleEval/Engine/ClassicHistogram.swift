import PromText

/// `histogram_quantile` over classic `le` buckets, as `promql/quantile.go` computes it.
enum ClassicHistogram {
    private struct Bucket {
        var upperBound: Double
        var count: Double
    }

    /// Groups the bucket series by their labels without `le` and `__name__` and computes each group's quantile;
    /// series without a parsable `le` are ignored.
    static func quantiles(_ phi: Double, _ samples: [InstantSample], at time: Int64) -> [InstantSample] {
        perHistogram(samples, at: time) { quantile(phi, $0) }
    }

    /// `histogram_fraction(lower, upper, buckets)`: the estimated share of observations between the bounds.
    static func fractions(_ lower: Double, _ upper: Double, _ samples: [InstantSample], at time: Int64)
        -> [InstantSample]
    {
        perHistogram(samples, at: time) { fraction(lower, upper, $0) }
    }

    private static func perHistogram(
        _ samples: [InstantSample], at time: Int64, _ estimate: ([Bucket]) -> Double
    ) -> [InstantSample] {
        var groups: [Labels: [Bucket]] = [:]
        var order: [Labels] = []
        for sample in samples {
            guard let text = sample.labels["le"], let bound = parseBound(text) else { continue }
            let key = sample.labels.removing(["le", Labels.metricName])
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(Bucket(upperBound: bound, count: sample.value))
        }
        return order.map { InstantSample(labels: $0, value: estimate(groups[$0] ?? []), timestamp: time) }
    }

    /// Go's `strconv.ParseFloat` for the spellings `le` values use.
    private static func parseBound(_ text: String) -> Double? {
        switch text.lowercased() {
        case "+inf", "inf", "+infinity", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: return Double(text)
        }
    }

    /// The buckets sorted by upper bound with equal bounds merged; nil unless the last bound is +Inf.
    private static func coalesced(_ unsorted: [Bucket]) -> [Bucket]? {
        let sorted = unsorted.sorted { $0.upperBound < $1.upperBound }
        guard let last = sorted.last, last.upperBound == .infinity else { return nil }
        var buckets: [Bucket] = []
        for bucket in sorted {
            if let previous = buckets.last, previous.upperBound == bucket.upperBound {
                buckets[buckets.count - 1].count += bucket.count
            } else {
                buckets.append(bucket)
            }
        }
        return buckets
    }

    private static func fraction(_ lower: Double, _ upper: Double, _ unsorted: [Bucket]) -> Double {
        guard let buckets = coalesced(unsorted), let count = buckets.last?.count else { return .nan }
        if count == 0 || lower.isNaN || upper.isNaN { return .nan }
        if lower >= upper { return 0 }
        var rank = 0.0
        var lowerRank: Double?
        var upperRank: Double?
        for (index, bucket) in buckets.enumerated() {
            var lowerBound = index > 0 ? buckets[index - 1].upperBound : -Double.infinity
            if index == 0 && bucket.upperBound > 0 { lowerBound = 0 }
            let upperBound = bucket.upperBound
            // Observations spread evenly over a finite bucket; an infinite one holds them at its infinite edge, so
            // a value inside it has all of them below.
            func interpolate(_ value: Double) -> Double {
                if lowerBound == -.infinity { return bucket.count }
                if upperBound == .infinity { return rank }
                return rank + (bucket.count - rank) * (value - lowerBound) / (upperBound - lowerBound)
            }
            if lowerRank == nil && lowerBound >= lower { lowerRank = rank }
            if upperRank == nil && lowerBound >= upper { upperRank = rank }
            if lowerRank != nil && upperRank != nil { break }
            if lowerRank == nil && lowerBound < lower && upperBound > lower { lowerRank = interpolate(lower) }
            if upperRank == nil && lowerBound < upper && upperBound > upper { upperRank = interpolate(upper) }
            if lowerRank != nil && upperRank != nil { break }
            rank = bucket.count
        }
        let lowerValue = Swift.min(lowerRank ?? count, count)
        let upperValue = Swift.min(upperRank ?? count, count)
        return (upperValue - lowerValue) / count
    }

    private static func quantile(_ phi: Double, _ unsorted: [Bucket]) -> Double {
        if phi.isNaN { return .nan }
        if phi < 0 { return -.infinity }
        if phi > 1 { return .infinity }
        guard var buckets = coalesced(unsorted) else { return .nan }
        ensureMonotonic(&buckets)
        guard buckets.count >= 2 else { return .nan }
        let observations = buckets[buckets.count - 1].count
        guard observations != 0 else { return .nan }
        var rank = phi * observations
        let index = buckets.dropLast().firstIndex { $0.count >= rank } ?? buckets.count - 1
        if index == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
        if index == 0 && buckets[0].upperBound <= 0 { return buckets[0].upperBound }
        var bucketStart = 0.0
        let bucketEnd = buckets[index].upperBound
        var count = buckets[index].count
        if index > 0 {
            bucketStart = buckets[index - 1].upperBound
            count -= buckets[index - 1].count
            rank -= buckets[index - 1].count
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count)
    }

    /// `ensureMonotonicAndIgnoreSmallDeltas` with the tolerance 1e-12.
    private static func ensureMonotonic(_ buckets: inout [Bucket]) {
        guard var previous = buckets.first?.count else { return }
        for index in buckets.indices.dropFirst() {
            let current = buckets[index].count
            if current == previous { continue }
            if almostEqual(previous, current, tolerance: 1e-12) || current < previous {
                buckets[index].count = previous
                continue
            }
            previous = current
        }
    }

    private static func almostEqual(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        if a == b { return true }
        let minimumNormal = Double.leastNormalMagnitude
        let absoluteSum = abs(a) + abs(b)
        let difference = abs(a - b)
        if a == 0 || b == 0 || absoluteSum < minimumNormal { return difference < tolerance * minimumNormal }
        return difference / Swift.min(absoluteSum, Double.greatestFiniteMagnitude) < tolerance
    }
}
