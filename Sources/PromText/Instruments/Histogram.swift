import Synchronization

/// A classic Prometheus histogram: counts observations into cumulative buckets by upper bound (`le`) and keeps
/// their sum and count.
///
/// Updates take no lock: each bucket has its own atomic count (non-cumulative; collection adds them up) and the
/// sum is a `Double` updated with compare-and-swap. The `_count` sample is the sum of the bucket counts, so a
/// scrape always shows the `+Inf` bucket equal to `_count`, even while other threads observe.
public final class Histogram: MetricChild {
    /// Histograms belong to `histogram` families.
    public static var metricType: MetricType { .histogram }

    /// Prometheus's default buckets, for latencies in seconds: .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10.
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Above this many bounds, ``observe(_:)`` finds the bucket by binary search instead of a linear scan
    /// (client_golang's threshold).
    private static let linearSearchLimit = 35

    /// The finite bucket upper bounds in increasing order; the `+Inf` bucket is implicit and not listed.
    public let upperBounds: [Double]
    /// The upper bounds as `le` label values, `+Inf` last, rendered once.
    private let upperBoundLabelValues: [String]
    private let bucketCounts: AtomicCounterArray
    private let sumBits = Atomic<UInt64>(0)

    /// Creates a histogram with the given bucket upper bounds.
    ///
    /// The bounds must be strictly increasing and not NaN; a trailing `+Inf` is accepted and dropped because the
    /// `+Inf` bucket is always present. An empty list leaves only the `+Inf` bucket. Bounds are fixed in code, so
    /// invalid ones are a programming error and stop the process with a precondition failure, as client_golang
    /// panics.
    public init(buckets: [Double] = Histogram.defaultBuckets) {
        upperBounds = Histogram.validatedUpperBounds(buckets)
        upperBoundLabelValues = (upperBounds + [.infinity]).map(GoFloat.shortest)
        bucketCounts = AtomicCounterArray(count: upperBounds.count + 1)
    }

    /// Records one observation.
    ///
    /// The value is counted in the first bucket whose upper bound is at least `value`; NaN lands in the `+Inf`
    /// bucket and makes the sum NaN, as in client_golang.
    @inline(__always)
    public func observe(_ value: Double) {
        bucketCounts.increment(at: bucketIndex(for: value))
        sumBits.addDouble(value)
    }

    /// The cumulative count of each bucket, one per ``upperBounds`` entry followed by the `+Inf` bucket.
    public var cumulativeBucketCounts: [UInt64] {
        var running: UInt64 = 0
        return bucketCounts.load().map { count in
            running &+= count
            return running
        }
    }

    /// The number of observations.
    public var count: UInt64 {
        bucketCounts.load().reduce(0, &+)
    }

    /// The sum of all observations.
    public var sum: Double {
        sumBits.loadDouble()
    }

    /// Appends `<family>_bucket` samples with an `le` label (cumulative, `+Inf` last), then `<family>_sum` and
    /// `<family>_count`.
    public func appendSamples(familyName: String, labels: Labels, to samples: inout [Sample]) {
        let cumulative = cumulativeBucketCounts
        let bucketName = familyName + "_bucket"
        for (labelValue, count) in zip(upperBoundLabelValues, cumulative) {
            var bucketLabels = labels
            bucketLabels.append(Label("le", labelValue))
            samples.append(Sample(name: bucketName, labels: bucketLabels, value: Double(count)))
        }
        samples.append(Sample(name: familyName + "_sum", labels: labels, value: sum))
        samples.append(Sample(name: familyName + "_count", labels: labels, value: Double(cumulative.last ?? 0)))
    }

    @inline(__always)
    private func bucketIndex(for value: Double) -> Int {
        if upperBounds.count < Histogram.linearSearchLimit {
            for (index, bound) in upperBounds.enumerated() where value <= bound {
                return index
            }
            return upperBounds.count
        }
        var low = 0
        var high = upperBounds.count
        while low < high {
            let middle = (low + high) / 2
            if value <= upperBounds[middle] {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }

    /// `buckets` without a trailing `+Inf`, after checking that they are strictly increasing and not NaN.
    static func validatedUpperBounds(_ buckets: [Double]) -> [Double] {
        let finite = buckets.last == .infinity ? Array(buckets.dropLast()) : buckets
        for bound in finite {
            precondition(!bound.isNaN, "histogram buckets must not be NaN")
        }
        for (lower, upper) in zip(finite, finite.dropFirst()) {
            precondition(lower < upper, "histogram buckets must be in increasing order: \(lower) >= \(upper)")
        }
        return finite
    }
}
