import Synchronization

/// A summary: the count and sum of observations, plus optional quantile estimates (φ-quantiles such as the
/// median or 99th percentile) over a sliding time window, like client_golang's.
///
/// Count and sum are lock-free atomics. Quantiles, when objectives are given, are estimated with the targeted
/// quantile algorithm client_golang uses, within each objective's allowed absolute error; that part is kept
/// behind a mutex. Summaries cannot be aggregated across instances; prefer a ``Histogram`` unless you need
/// client-side quantiles.
public final class Summary: MetricChild {
    /// Summaries belong to `summary` families.
    public static var metricType: MetricType { .summary }

    /// client_golang's default window: observations older than ten minutes leave the quantiles.
    public static let defaultMaxAge: Duration = .seconds(600)
    /// client_golang's default number of streams the window rotates through.
    public static let defaultAgeBuckets = 5

    /// The quantiles reported, in increasing order, with their allowed absolute errors.
    public let objectives: [(quantile: Double, allowedError: Double)]
    private let quantileLabelValues: [String]
    private let observationCount = Atomic<UInt64>(0)
    private let sumBits = Atomic<UInt64>(0)
    private let window: Mutex<QuantileWindow>
    private let clock: any WallClock

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - objectives: Quantiles to report, each mapped to its allowed absolute error, e.g.
    ///     `[0.5: 0.05, 0.9: 0.01, 0.99: 0.001]`. Empty (the default, as in client_golang) reports only `_sum` and
    ///     `_count`.
    ///   - maxAge: How long an observation stays in the quantiles (default ten minutes).
    ///   - ageBuckets: How many streams the window rotates through (default 5); the window moves in steps of
    ///     `maxAge / ageBuckets`.
    ///   - clock: The clock that places observations in the window; tests pass a manual clock.
    ///
    /// Quantiles and errors must lie in 0...1, `maxAge` must be positive and `ageBuckets` at least 1. These are
    /// fixed in code, so a violation is a programming error and stops the process with a precondition failure
    /// (client_golang panics on a negative `maxAge`; where it reads 0 as "use the default", Swift's default
    /// arguments do that job and 0 is rejected).
    public init(
        objectives: [Double: Double] = [:],
        maxAge: Duration = Summary.defaultMaxAge,
        ageBuckets: Int = Summary.defaultAgeBuckets,
        clock: any WallClock = SystemWallClock()
    ) {
        Summary.validate(objectives: objectives, maxAge: maxAge, ageBuckets: ageBuckets)
        let sorted = objectives.sorted { $0.key < $1.key }
        self.objectives = sorted.map { (quantile: $0.key, allowedError: $0.value) }
        quantileLabelValues = sorted.map { GoFloat.shortest($0.key) }
        self.clock = clock
        window = Mutex(
            QuantileWindow(
                objectives: sorted.map { TargetedQuantileStream.Objective(quantile: $0.key, allowedError: $0.value) },
                maxAgeSeconds: Summary.seconds(maxAge),
                ageBuckets: ageBuckets,
                now: clock.secondsSinceEpoch()
            )
        )
    }

    /// Records one observation.
    ///
    /// NaN counts toward `_count` and makes `_sum` NaN, as in client_golang, but is kept out of the quantile
    /// window, where it has no rank.
    public func observe(_ value: Double) {
        observationCount.wrappingAdd(1, ordering: .relaxed)
        sumBits.addDouble(value)
        guard !objectives.isEmpty, !value.isNaN else { return }
        let now = clock.secondsSinceEpoch()
        window.withLock { $0.insert(value, now: now) }
    }

    /// The number of observations.
    public var count: UInt64 {
        observationCount.load(ordering: .relaxed)
    }

    /// The sum of all observations.
    public var sum: Double {
        sumBits.loadDouble()
    }

    /// The current estimate of each objective's quantile, in ``objectives`` order; NaN while the window holds no
    /// observations.
    public var quantileValues: [Double] {
        guard !objectives.isEmpty else { return [] }
        let now = clock.secondsSinceEpoch()
        let quantiles = objectives.map(\.quantile)
        return window.withLock { $0.query(quantiles, now: now) }
    }

    /// Appends one sample per objective named after the family with a `quantile` label, then `<family>_sum` and
    /// `<family>_count`.
    public func appendSamples(familyName: String, labels: Labels, to samples: inout [Sample]) {
        for (labelValue, estimate) in zip(quantileLabelValues, quantileValues) {
            var quantileLabels = labels
            quantileLabels.append(Label("quantile", labelValue))
            samples.append(Sample(name: familyName, labels: quantileLabels, value: estimate))
        }
        samples.append(Sample(name: familyName + "_sum", labels: labels, value: sum))
        samples.append(Sample(name: familyName + "_count", labels: labels, value: Double(count)))
    }

    /// Stops the process if the settings break the rules documented on ``init(objectives:maxAge:ageBuckets:clock:)``.
    static func validate(objectives: [Double: Double], maxAge: Duration, ageBuckets: Int) {
        precondition(seconds(maxAge) > 0, "a summary needs a positive maxAge, got \(maxAge)")
        precondition(ageBuckets >= 1, "a summary needs at least one age bucket, got \(ageBuckets)")
        for (quantile, allowedError) in objectives {
            precondition((0...1).contains(quantile), "summary quantile \(quantile) is not in 0...1")
            precondition((0...1).contains(allowedError), "summary allowed error \(allowedError) is not in 0...1")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
