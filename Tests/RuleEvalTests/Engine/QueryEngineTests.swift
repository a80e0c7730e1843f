import PromText
import Testing

@testable import RuleEval

/// A store filled from series notation: each series' values are spaced by `interval` milliseconds from 0.
private func makeEngine(_ series: [(String, String)], interval: Int64 = 60_000) throws -> QueryEngine {
    let store = SampleStore()
    for (labelText, valuesText) in series {
        let labels = try RuleTestFile.parseLabelSet(labelText)
        for (index, slot) in try SeriesNotation.expand(valuesText).enumerated() {
            guard case .value(let value) = slot else { continue }
            try store.append(labels, timestamp: Int64(index) * interval, value: value)
        }
    }
    return QueryEngine(store: store)
}

/// The result as sorted `labels value` lines, scalars as `{} value`.
private func lines(_ engine: QueryEngine, _ query: String, at time: Int64) throws -> [String] {
    switch try engine.evaluate(query, at: time) {
    case .scalar(let value): return ["{} \(value)"]
    case .vector(let samples): return samples.map { "\($0.labels.promQLText) \($0.value)" }.sorted()
    case .matrix(let series): return series.map { "\($0.labels.promQLText) \($0.values)" }.sorted()
    case .string(let text): return [text]
    }
}

@Suite struct QueryEngineSelectorTests {
    @Test func lookbackIsLeftOpenAndStaleMarkersEndSeries() throws {
        let engine = try makeEngine([("a", "1 2 _ _ _ _ _ _"), ("b", "1 stale")])
        #expect(try lines(engine, "a", at: 300_000) == ["{__name__=\"a\"} 2.0"])
        #expect(try lines(engine, "a", at: 420_000).isEmpty)
        #expect(try lines(engine, "b", at: 60_000).isEmpty)
        #expect(try lines(engine, "b", at: 30_000) == ["{__name__=\"b\"} 1.0"])
    }

    @Test func offsetAndAtShiftTheReferenceTime() throws {
        let engine = try makeEngine([("a", "0+1x10")])
        #expect(try lines(engine, "a offset 2m", at: 600_000) == ["{__name__=\"a\"} 8.0"])
        #expect(try lines(engine, "a @ 180", at: 600_000) == ["{__name__=\"a\"} 3.0"])
        #expect(try lines(engine, "timestamp(a @ 190)", at: 600_000) == ["{} 180.0"])
    }

    @Test func subqueryStepsAreAlignedToAbsoluteMultiples() throws {
        let engine = try makeEngine([("a", "0+1x10")])
        // (90s, 300s] holds the 2m-aligned steps 120s and 240s.
        #expect(try lines(engine, "count_over_time(a[210s:2m])", at: 300_000) == ["{} 2.0"])
        #expect(try lines(engine, "sum_over_time(a[210s:2m])", at: 300_000) == ["{} 6.0"])
    }
}

@Suite struct QueryEngineRangeFunctionTests {
    @Test(arguments: [
        ("rate(c[5m])", "{} 0.16666666666666666"),
        ("increase(c[5m])", "{} 50.0"),
        ("irate(c[5m])", "{} 0.16666666666666666"),
        ("delta(c[5m])", "{} 50.0"),
        ("deriv(c[5m])", "{} 0.16666666666666666"),
        ("predict_linear(c[5m], 60)", "{} 110.0"),
        ("resets(r[10m])", "{} 1.0"),
        ("changes(r[10m])", "{} 3.0"),
        ("avg_over_time(c[5m])", "{} 80.0"),
        ("max_over_time(r[10m])", "{} 3.0"),
        ("min_over_time(r[10m])", "{} 1.0"),
        ("quantile_over_time(0.5, c[5m])", "{} 80.0"),
        ("stddev_over_time(c[5m])", "{} 14.142135623730951"),
        ("present_over_time(c[5m])", "{} 1.0"),
    ])
    func computesLikePrometheus(query: String, expected: String) throws {
        let engine = try makeEngine([("c", "0+10x10"), ("r", "1 1 2 3 1 1 1 1 1 1 1")])
        #expect(try lines(engine, query, at: 600_000) == [expected])
    }

    @Test func rateAddsCounterResetsBack() throws {
        let engine = try makeEngine([("c", "10 20 5 15")])
        #expect(try lines(engine, "increase(c[3m] @ 180)", at: 180_000) == ["{} 22.5"])
    }

    @Test func lastOverTimeKeepsTheMetricName() throws {
        let engine = try makeEngine([("c{a=\"1\"}", "1 2")])
        #expect(try lines(engine, "last_over_time(c[5m])", at: 60_000) == ["{__name__=\"c\", a=\"1\"} 2.0"])
        #expect(try lines(engine, "count_over_time(c[5m])", at: 60_000) == ["{a=\"1\"} 2.0"])
    }

    @Test func absentTakesTheEqualityMatchersOnce() throws {
        let engine = try makeEngine([])
        #expect(try lines(engine, "absent(x{a=\"1\", b=\"2\", b=\"3\", c=~\"x\"})", at: 0) == ["{a=\"1\"} 1.0"])
        #expect(try lines(engine, "absent_over_time(x{a=\"1\"}[1m])", at: 0) == ["{a=\"1\"} 1.0"])
    }
}

@Suite struct QueryEngineAggregationTests {
    private let series = [
        ("m{job=\"a\", i=\"1\"}", "1"), ("m{job=\"a\", i=\"2\"}", "3"), ("m{job=\"b\", i=\"1\"}", "10"),
    ]

    @Test(arguments: [
        ("sum by (job) (m)", ["{job=\"a\"} 4.0", "{job=\"b\"} 10.0"]),
        ("avg without (i) (m)", ["{job=\"a\"} 2.0", "{job=\"b\"} 10.0"]),
        ("count(m)", ["{} 3.0"]),
        ("stdvar by (job) (m)", ["{job=\"a\"} 1.0", "{job=\"b\"} 0.0"]),
        ("topk(1, m)", ["{__name__=\"m\", i=\"1\", job=\"b\"} 10.0"]),
        (
            "bottomk by (job) (1, m)",
            ["{__name__=\"m\", i=\"1\", job=\"a\"} 1.0", "{__name__=\"m\", i=\"1\", job=\"b\"} 10.0"]
        ),
        ("quantile(0.5, m)", ["{} 3.0"]),
        ("count_values(\"v\", m)", ["{v=\"1\"} 1.0", "{v=\"10\"} 1.0", "{v=\"3\"} 1.0"]),
        ("group by (job) (m)", ["{job=\"a\"} 1.0", "{job=\"b\"} 1.0"]),
    ])
    func aggregates(query: String, expected: [String]) throws {
        #expect(try lines(try makeEngine(series), query, at: 0) == expected)
    }

    @Test func sumUsesCompensatedSummation() throws {
        let engine = try makeEngine([("s{i=\"1\"}", "1e100"), ("s{i=\"2\"}", "1"), ("s{i=\"3\"}", "-1e100")])
        #expect(try lines(engine, "sum(s)", at: 0) == ["{} 1.0"])
    }
}

@Suite struct QueryEngineBinaryTests {
    private let series = [
        ("l{job=\"a\", i=\"1\"}", "1"), ("l{job=\"a\", i=\"2\"}", "2"), ("r{job=\"a\"}", "10"),
        ("r{job=\"b\"}", "20"),
    ]

    @Test(arguments: [
        ("l + on(job) group_left r", ["{i=\"1\", job=\"a\"} 11.0", "{i=\"2\", job=\"a\"} 12.0"]),
        ("l > 1", ["{__name__=\"l\", i=\"2\", job=\"a\"} 2.0"]),
        ("l > bool 1", ["{i=\"1\", job=\"a\"} 0.0", "{i=\"2\", job=\"a\"} 1.0"]),
        ("1 < l", ["{__name__=\"l\", i=\"2\", job=\"a\"} 2.0"]),
        ("r and on(job) l", ["{__name__=\"r\", job=\"a\"} 10.0"]),
        ("r unless on(job) l", ["{__name__=\"r\", job=\"b\"} 20.0"]),
        (
            "l or r",
            [
                "{__name__=\"l\", i=\"1\", job=\"a\"} 1.0", "{__name__=\"l\", i=\"2\", job=\"a\"} 2.0",
                "{__name__=\"r\", job=\"a\"} 10.0", "{__name__=\"r\", job=\"b\"} 20.0",
            ]
        ),
        ("2 ^ 3 % 5", ["{} 3.0"]),
        ("-l", ["{i=\"1\", job=\"a\"} -1.0", "{i=\"2\", job=\"a\"} -2.0"]),
    ])
    func matchesVectors(query: String, expected: [String]) throws {
        #expect(try lines(try makeEngine(series), query, at: 0) == expected)
    }

    @Test func manyToManyIsAnError() throws {
        let engine = try makeEngine(series)
        #expect(
            throws: EvaluationError(
                "found duplicate series for the match group {job=\"a\"} on the right hand-side of the operation: [{__name__=\"l\", i=\"2\", job=\"a\"}, {__name__=\"l\", i=\"1\", job=\"a\"}];many-to-many matching not allowed: matching labels must be unique on one side"
            )
        ) {
            try engine.evaluate("r + on(job) l", at: 0)
        }
        #expect(
            throws: EvaluationError(
                "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
        ) {
            try engine.evaluate("l + on(job) r", at: 0)
        }
    }
}

@Suite struct QueryEngineInstantFunctionTests {
    @Test(arguments: [
        ("histogram_quantile(0.5, h)", ["{} 1.0"]),
        ("histogram_quantile(0.99, h)", ["{} 1.98"]),
        (
            "label_replace(h{le=\"1\"}, \"x\", \"$1-y\", \"le\", \"(.*)\")",
            ["{__name__=\"h\", le=\"1\", x=\"1-y\"} 2.0"]
        ),
        ("label_join(h{le=\"1\"}, \"x\", \"/\", \"le\", \"__name__\")", ["{__name__=\"h\", le=\"1\", x=\"1/h\"} 2.0"]),
        ("clamp(h{le=\"1\"}, 3, 5)", ["{le=\"1\"} 3.0"]),
        ("clamp_max(h{le=\"1\"}, 1)", ["{le=\"1\"} 1.0"]),
        ("round(vector(2.5))", ["{} 3.0"]),
        ("round(vector(2.26), 0.1)", ["{} 2.3"]),
        ("sgn(vector(-3))", ["{} -1.0"]),
        ("scalar(h)", ["{} nan"]),
        ("year(vector(1136239445))", ["{} 2006.0"]),
        ("day_of_week(vector(1136239445))", ["{} 1.0"]),
        ("days_in_month(vector(1201824000))", ["{} 29.0"]),
        ("day_of_year(vector(1230767999))", ["{} 366.0"]),
        ("hour(vector(1136239445))", ["{} 22.0"]),
        ("time()", ["{} 0.0"]),
    ])
    func computes(query: String, expected: [String]) throws {
        let engine = try makeEngine([("h{le=\"1\"}", "2"), ("h{le=\"2\"}", "4"), ("h{le=\"+Inf\"}", "4")])
        #expect(try lines(engine, query, at: 0) == expected)
    }

    @Test func labelReplaceRejectsDuplicateLabelSets() throws {
        let engine = try makeEngine([("h{le=\"1\"}", "2"), ("h{le=\"2\"}", "4")])
        #expect(throws: EvaluationError("vector cannot contain metrics with the same labelset")) {
            try engine.evaluate("label_replace(h, \"le\", \"x\", \"le\", \".*\")", at: 0)
        }
    }
}
