import Synchronization
import Testing

@testable import PromText

/// A collector returning fixed families, standing in for e.g. a system collector.
private struct FixedCollector: Collector {
    let families: [MetricFamily]

    func collect() -> [MetricFamily] { families }
}

@Suite struct RegistryTests {
    @Test func collectsEveryFamilySortedByName() throws {
        let registry = Registry()
        let jobs = try registry.register(CounterFamily(name: "jobs", help: "Jobs done.")).labels()
        try registry.register(Info(name: "build", help: "Build.", labels: ["version": "1.0"]))
        try registry.register(
            collector: FixedCollector(families: [
                MetricFamily(name: "up", type: .gauge, samples: [Sample(name: "up", value: 1)]),
                MetricFamily(name: "alpha", type: .untyped, samples: [Sample(name: "alpha", value: 2)]),
            ])
        )
        jobs.increment()
        let families = registry.collect()
        #expect(families.map(\.name) == ["alpha", "build_info", "jobs_total", "up"])
        #expect(families.first { $0.name == "jobs_total" }?.samples == [Sample(name: "jobs_total", value: 1)])
    }

    @Test(
        arguments: [
            ("9lives", RegistrationError.invalidMetricName("9lives")),
            ("with space", .invalidMetricName("with space")),
            ("", .invalidMetricName("")),
        ]
    )
    func rejectsInvalidMetricNames(_ name: String, _ expected: RegistrationError) {
        #expect(throws: expected) {
            try Registry().register(GaugeFamily(name: name, help: ""))
        }
    }

    @Test(
        arguments: [
            (["method", "0code"], RegistrationError.invalidLabelName("0code", metric: "requests_total")),
            (["method-name"], .invalidLabelName("method-name", metric: "requests_total")),
            (["__name__"], .reservedLabelName("__name__", metric: "requests_total")),
            (["__meta"], .reservedLabelName("__meta", metric: "requests_total")),
            (["code", "code"], .duplicateLabelName("code", metric: "requests_total")),
        ]
    )
    func rejectsInvalidLabelNames(_ labelNames: [String], _ expected: RegistrationError) {
        #expect(throws: expected) {
            try Registry().register(CounterFamily(name: "requests", help: "", labelNames: labelNames))
        }
    }

    @Test func rejectsLabelNamesTheTypeUsesItself() {
        let registry = Registry()
        #expect(throws: RegistrationError.labelNameReservedByType("le", metric: "latency", type: .histogram)) {
            try registry.register(HistogramFamily(name: "latency", help: "", labelNames: ["le"]))
        }
        #expect(throws: RegistrationError.labelNameReservedByType("quantile", metric: "size", type: .summary)) {
            try registry.register(SummaryFamily(name: "size", help: "", labelNames: ["quantile"]))
        }
        #expect(throws: Never.self) {
            try registry.register(GaugeFamily(name: "ok", help: "", labelNames: ["le", "quantile"]))
        }
    }

    @Test func rejectsInvalidInfoLabels() {
        #expect(throws: RegistrationError.reservedLabelName("__x", metric: "build_info")) {
            try Registry().register(Info(name: "build", help: "", labels: ["__x": "1"]))
        }
    }

    @Test func rejectsASecondRegistrationOfTheSameFamily() throws {
        let registry = Registry()
        try registry.register(CounterFamily(name: "requests", help: "Requests.", labelNames: ["code"]))
        #expect(throws: RegistrationError.duplicateRegistration(name: "requests_total")) {
            try registry.register(CounterFamily(name: "requests_total", help: "Requests.", labelNames: ["code"]))
        }
    }

    @Test func rejectsConflictingDefinitionsAndSaysWhatDiffers() throws {
        let registry = Registry()
        try registry.register(GaugeFamily(name: "temperature", help: "Celsius.", labelNames: ["room"]))
        #expect(
            throws: RegistrationError.conflictingDefinition(
                name: "temperature", difference: "help \"Celsius.\" vs \"C.\"")
        ) {
            try registry.register(GaugeFamily(name: "temperature", help: "C.", labelNames: ["room"]))
        }
        #expect(
            throws: RegistrationError.conflictingDefinition(
                name: "temperature",
                difference: "label names [\"room\"] vs [\"room\", \"floor\"]"
            )
        ) {
            try registry.register(GaugeFamily(name: "temperature", help: "Celsius.", labelNames: ["room", "floor"]))
        }
        #expect(
            throws: RegistrationError.conflictingDefinition(name: "temperature", difference: "type gauge vs histogram")
        ) {
            try registry.register(HistogramFamily(name: "temperature", help: "Celsius.", labelNames: ["room"]))
        }
    }

    @Test func rejectsFamiliesWhoseExposedNamesCollide() throws {
        let registry = Registry()
        try registry.register(HistogramFamily(name: "latency", help: ""))
        try registry.register(CounterFamily(name: "jobs", help: ""))
        #expect(throws: RegistrationError.nameCollision("latency_count", registeredFamily: "latency")) {
            try registry.register(GaugeFamily(name: "latency_count", help: ""))
        }
        #expect(throws: RegistrationError.nameCollision("jobs", registeredFamily: "jobs_total")) {
            try registry.register(GaugeFamily(name: "jobs", help: ""))
        }
        #expect(throws: RegistrationError.nameCollision("latency_bucket", registeredFamily: "latency")) {
            try registry.register(SummaryFamily(name: "latency_bucket", help: ""))
        }
    }

    @Test func checksCustomCollectorsAgainstTheFamiliesTheyReturn() throws {
        let registry = Registry()
        try registry.register(GaugeFamily(name: "up", help: ""))
        let clashing = FixedCollector(families: [MetricFamily(name: "up", type: .gauge, help: "")])
        #expect(throws: RegistrationError.duplicateRegistration(name: "up")) {
            try registry.register(collector: clashing)
        }
        let badLabel = FixedCollector(families: [
            MetricFamily(name: "ok", type: .gauge, samples: [Sample(name: "ok", labels: ["a-b": "1"], value: 1)])
        ])
        #expect(throws: RegistrationError.invalidLabelName("a-b", metric: "ok")) {
            try registry.register(collector: badLabel)
        }
        let selfClashing = FixedCollector(families: [
            MetricFamily(name: "x", type: .histogram),
            MetricFamily(name: "x_sum", type: .gauge),
        ])
        #expect(throws: RegistrationError.nameCollision("x_sum", registeredFamily: "x")) {
            try registry.register(collector: selfClashing)
        }
        #expect(registry.collect().map(\.name) == ["up"])
    }

    @Test func keepsOnlyTheFirstFamilyWhenACollectorLaterReturnsATakenName() throws {
        let registry = Registry()
        let late = LateCollector()
        try registry.register(collector: late)
        try registry.register(GaugeFamily(name: "up", help: "from the instrument"))
        late.start()
        #expect(registry.collect().map(\.help) == ["from the instrument"])
    }

    @Test func unregisteringFreesTheNames() throws {
        let registry = Registry()
        try registry.register(HistogramFamily(name: "latency", help: ""))
        #expect(registry.unregister(name: "latency"))
        #expect(!registry.unregister(name: "latency"))
        #expect(registry.collect().isEmpty)
        try registry.register(GaugeFamily(name: "latency_sum", help: ""))
        #expect(registry.collect().map(\.name) == ["latency_sum"])
    }

    @Test func errorsDescribeTheProblem() {
        #expect(
            RegistrationError.invalidMetricName("a b").description
                == "invalid metric name \"a b\": expected [a-zA-Z_:][a-zA-Z0-9_:]*"
        )
        #expect(
            RegistrationError.nameCollision("x_count", registeredFamily: "x").description
                == "name x_count collides with a name exposed by the registered metric x"
        )
    }
}

/// A collector that returns nothing until started, then a family named `up`.
private final class LateCollector: Collector {
    private let started = Mutex(false)

    func start() { started.withLock { $0 = true } }

    func collect() -> [MetricFamily] {
        started.withLock { $0 } ? [MetricFamily(name: "up", type: .gauge, help: "from the collector")] : []
    }
}
