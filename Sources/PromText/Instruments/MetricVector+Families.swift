/// A labelled family of ``Counter``s.
public typealias CounterFamily = MetricVector<Counter>
/// A labelled family of ``Gauge``s.
public typealias GaugeFamily = MetricVector<Gauge>
/// A labelled family of ``Histogram``s, all with the same buckets.
public typealias HistogramFamily = MetricVector<Histogram>
/// A labelled family of ``Summary``s, all with the same objectives and window.
public typealias SummaryFamily = MetricVector<Summary>

extension MetricVector where Child == Counter {
    /// Creates a counter family.
    ///
    /// The family name always ends in `_total`: a `name` without it gets it appended, as Prometheus's naming
    /// conventions ask and client_python does. The text format prints this name on `# TYPE`; an OpenMetrics
    /// writer prints it without `_total` on its family lines, and samples are `<name>` (ending in `_total`) in
    /// both.
    public convenience init(name: String, help: String, labelNames: [String] = []) {
        let familyName = MetricDescriptor.ensuringSuffix("_total", of: name)
        self.init(name: familyName, help: help, labelNames: labelNames) { Counter() }
    }
}

extension MetricVector where Child == Gauge {
    /// Creates a gauge family whose children's ``Gauge/setToCurrentTime()`` reads `clock`.
    public convenience init(
        name: String,
        help: String,
        labelNames: [String] = [],
        clock: any WallClock = SystemWallClock()
    ) {
        self.init(name: name, help: help, labelNames: labelNames) { Gauge(clock: clock) }
    }
}

extension MetricVector where Child == Histogram {
    /// Creates a histogram family whose children all use `buckets` (validated here, see
    /// ``Histogram/init(buckets:)``).
    public convenience init(
        name: String,
        help: String,
        labelNames: [String] = [],
        buckets: [Double] = Histogram.defaultBuckets
    ) {
        let upperBounds = Histogram.validatedUpperBounds(buckets)
        self.init(name: name, help: help, labelNames: labelNames) { Histogram(buckets: upperBounds) }
    }
}

extension MetricVector where Child == Summary {
    /// Creates a summary family whose children all use these objectives and window (validated here, see
    /// ``Summary/init(objectives:maxAge:ageBuckets:clock:)``).
    public convenience init(
        name: String,
        help: String,
        labelNames: [String] = [],
        objectives: [Double: Double] = [:],
        maxAge: Duration = Summary.defaultMaxAge,
        ageBuckets: Int = Summary.defaultAgeBuckets,
        clock: any WallClock = SystemWallClock()
    ) {
        Summary.validate(objectives: objectives, maxAge: maxAge, ageBuckets: ageBuckets)
        self.init(name: name, help: help, labelNames: labelNames) {
            Summary(objectives: objectives, maxAge: maxAge, ageBuckets: ageBuckets, clock: clock)
        }
    }
}
