import PromText
import Testing

@testable import RuleEval

@Suite struct ScrapeLoopTests {
    private static let text = "text/plain; version=0.0.4; charset=utf-8"

    private static func loop(_ configure: (inout ScrapeConfiguration) throws -> Void = { _ in }) throws -> ScrapeLoop {
        var config = ScrapeConfiguration(jobName: "node", scrapeInterval: .seconds(15), scrapeTimeout: .seconds(5))
        try configure(&config)
        let target = try #require(try ScrapeTarget(address: "host:9100", configuration: config))
        return ScrapeLoop(target: target, configuration: config)
    }

    private static func ok(_ body: String, contentType: String? = text) -> ScrapeResponse {
        .response(status: 200, contentType: contentType, body: Array(body.utf8))
    }

    private static func series(_ name: String, _ extra: KeyValuePairs<String, String> = [:]) -> Labels {
        var labels = Labels([Label("__name__", name), Label("instance", "host:9100"), Label("job", "node")])
        for (key, value) in extra { labels.append(Label(key, value)) }
        return labels.sorted()
    }

    /// The scraped samples (synthetic series left out) as `labels → value`.
    private static func scraped(_ result: ScrapeResult) -> [Labels: Double] {
        var values: [Labels: Double] = [:]
        for sample in result.samples where !ScrapeLoop.reportNames.contains(sample.labels["__name__"] ?? "") {
            values[sample.labels] = sample.value
        }
        return values
    }

    private static func report(_ result: ScrapeResult, _ name: String) -> Double? {
        result.samples.first(where: { $0.labels == series(name) })?.value
    }

    @Test func attachesTargetLabelsAndReportsSyntheticSeries() throws {
        var loop = try Self.loop()
        let result = loop.scrape(
            Self.ok("a{x=\"1\"} 1\na{x=\"2\"} 2\nb 3\n"), at: 1000, duration: .milliseconds(250))
        #expect(result.isUp)
        #expect(
            Self.scraped(result) == [
                Self.series("a", ["x": "1"]): 1, Self.series("a", ["x": "2"]): 2, Self.series("b"): 3,
            ])
        #expect(result.samples.allSatisfy { $0.timestamp == 1000 })
        #expect(Self.report(result, "up") == 1)
        #expect(Self.report(result, "scrape_duration_seconds") == 0.25)
        #expect(Self.report(result, "scrape_samples_scraped") == 3)
        #expect(Self.report(result, "scrape_samples_post_metric_relabeling") == 3)
        #expect(Self.report(result, "scrape_series_added") == 3)
        let again = loop.scrape(Self.ok("a{x=\"1\"} 1\nb 3\nc 4\n"), at: 2000, duration: .milliseconds(1))
        #expect(Self.report(again, "scrape_series_added") == 1)
    }

    @Test(arguments: [
        (
            false, #"a{job="scraped",exported_job="x",instance="i"} 1"#,
            ["exported_instance": "i", "exported_exported_job": "scraped", "exported_job": "x"]
        ),
        (true, #"a{job="scraped",instance="i"} 1"#, ["job": "scraped", "instance": "i"]),
    ])
    func honorLabelsDecidesWhoWinsAConflict(honorLabels: Bool, line: String, expected: [String: String]) throws {
        var loop = try Self.loop { $0.honorLabels = honorLabels }
        let result = loop.scrape(Self.ok(line + "\n"), at: 1000, duration: .zero)
        let labels = try #require(Self.scraped(result).keys.first)
        for (name, value) in expected { #expect(labels[name] == value) }
        if !honorLabels {
            #expect(labels["job"] == "node")
            #expect(labels["instance"] == "host:9100")
        }
    }

    @Test(arguments: [(true, Int64(500)), (false, Int64(1000))])
    func honorTimestampsKeepsOrReplacesExplicitTimestamps(honor: Bool, expected: Int64) throws {
        var loop = try Self.loop { $0.honorTimestamps = honor }
        let result = loop.scrape(Self.ok("a 1 500\n"), at: 1000, duration: .zero)
        #expect(result.samples.first(where: { $0.labels == Self.series("a") })?.timestamp == expected)
    }

    @Test func metricRelabelingDropsAndRewritesSamples() throws {
        var loop = try Self.loop {
            $0.metricRelabelConfigs = [
                RelabelConfiguration(sourceLabels: ["__name__"], regex: try AnchoredRegex("go_.*"), action: .drop),
                RelabelConfiguration(sourceLabels: ["x"], targetLabel: "y"),
            ]
        }
        let result = loop.scrape(Self.ok("go_gc 1\na{x=\"v\"} 2\n"), at: 1000, duration: .zero)
        #expect(Self.scraped(result) == [Self.series("a", ["x": "v", "y": "v"]): 2])
        #expect(Self.report(result, "scrape_samples_scraped") == 2)
        #expect(Self.report(result, "scrape_samples_post_metric_relabeling") == 1)
    }

    @Test(arguments: [
        (UInt64(2), UInt64(0), "sample limit exceeded"),
        (UInt64(0), UInt64(3), "label_limit exceeded (metric: a, number of labels: 4, limit: 3)"),
    ])
    func exceedingALimitFailsTheWholeScrape(sampleLimit: UInt64, labelLimit: UInt64, message: String) throws {
        var loop = try Self.loop {
            $0.sampleLimit = sampleLimit
            $0.labelLimit = labelLimit
        }
        _ = loop.scrape(Self.ok("b 1\n"), at: 1000, duration: .zero)
        let result = loop.scrape(Self.ok("b 1\na{x=\"1\"} 1\nc 1\n"), at: 2000, duration: .zero)
        #expect(result.error == message)
        #expect(Self.report(result, "up") == 0)
        #expect(Self.scraped(result).keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) == [Self.series("b")])
        #expect(Self.scraped(result).values.allSatisfy(StaleMarker.isStale))
    }

    @Test func relabelingAwayTheMetricNameFailsTheScrape() throws {
        var loop = try Self.loop {
            $0.metricRelabelConfigs = [RelabelConfiguration(regex: try AnchoredRegex("__name__"), action: .labelDrop)]
        }
        let result = loop.scrape(Self.ok("a 1\n"), at: 1000, duration: .zero)
        #expect(result.error == "missing metric name (__name__ label)")
        #expect(Self.scraped(result).isEmpty)
    }

    @Test func vanishedSeriesGetStaleMarkersButTimestampedOnesDoNot() throws {
        var loop = try Self.loop()
        _ = loop.scrape(Self.ok("a 1\nb 2\nt 3 500\n"), at: 1000, duration: .zero)
        let result = loop.scrape(Self.ok("a 1\n"), at: 2000, duration: .zero)
        let values = Self.scraped(result)
        #expect(values[Self.series("a")] == 1)
        #expect(values[Self.series("b")].map(StaleMarker.isStale) == true)
        #expect(values[Self.series("t")] == nil)
        #expect(result.samples.filter(\.isStale).allSatisfy { $0.timestamp == 2000 })
    }

    @Test(arguments: [
        ScrapeResponse.failure("context deadline exceeded"),
        ScrapeResponse.response(status: 500, contentType: text, body: Array("a 1\n".utf8)),
        ScrapeResponse.response(status: 200, contentType: text, body: Array("a{ 1\n".utf8)),
        ScrapeResponse.response(status: 200, contentType: nil, body: Array("a 1\n".utf8)),
        ScrapeResponse.response(status: 200, contentType: "application/json", body: Array("a 1\n".utf8)),
    ])
    func aFailedScrapeMarksEveryPreviousSeriesStale(response: ScrapeResponse) throws {
        var loop = try Self.loop()
        _ = loop.scrape(Self.ok("a 1\nb 2\n"), at: 1000, duration: .zero)
        let failed = loop.scrape(response, at: 2000, duration: .zero)
        #expect(failed.error != nil)
        #expect(Self.report(failed, "up") == 0)
        #expect(Set(Self.scraped(failed).keys) == [Self.series("a"), Self.series("b")])
        #expect(Self.scraped(failed).values.allSatisfy(StaleMarker.isStale))
        let failedAgain = loop.scrape(response, at: 3000, duration: .zero)
        #expect(Self.scraped(failedAgain).isEmpty)
        let recovered = loop.scrape(Self.ok("a 1\n"), at: 4000, duration: .zero)
        #expect(Self.scraped(recovered) == [Self.series("a"): 1])
        #expect(Self.report(recovered, "up") == 1)
    }

    @Test func errorsAreWordedAsPrometheusWordsThem() throws {
        var loop = try Self.loop()
        let cases: [(ScrapeResponse, String)] = [
            (.response(status: 503, contentType: Self.text, body: []), "server returned HTTP status 503"),
            (
                Self.ok("a 1\n", contentType: nil),
                "non-compliant scrape target sending blank Content-Type and no fallback_scrape_protocol specified "
                    + "for target"
            ),
            (
                Self.ok("a 1\n", contentType: "application/json"),
                #"received unsupported Content-Type "application/json" and no fallback_scrape_protocol specified "#
                    + "for target"
            ),
            (
                Self.ok("a 1\n", contentType: "text/plain; version"),
                #"cannot parse Content-Type "text/plain; version" and no fallback_scrape_protocol for target"#
            ),
        ]
        for (response, message) in cases {
            #expect(loop.scrape(response, at: 1000, duration: .zero).error == message)
        }
    }

    @Test func parsesOpenMetricsByContentType() throws {
        var loop = try Self.loop()
        let body = "# TYPE a counter\na_total 5 1.5\n# EOF\n"
        let result = loop.scrape(
            Self.ok(body, contentType: "application/openmetrics-text; version=1.0.0; charset=utf-8"),
            at: 2000, duration: .zero)
        #expect(result.isUp)
        #expect(result.samples.first(where: { $0.labels == Self.series("a_total") })?.timestamp == 1500)
    }

    @Test func stopMarksEverySeriesAndTheSyntheticOnesStale() throws {
        var loop = try Self.loop()
        _ = loop.scrape(Self.ok("a 1\n"), at: 1000, duration: .zero)
        let markers = loop.stop(at: 5000)
        #expect(
            Set(markers.map(\.labels)) == Set(([Self.series("a")] + ScrapeLoop.reportNames.map { Self.series($0) })))
        #expect(markers.allSatisfy { $0.isStale && $0.timestamp == 5000 })
        #expect(loop.stop(at: 6000).isEmpty)
        var neverScraped = try Self.loop()
        #expect(neverScraped.stop(at: 5000).isEmpty)
    }
}
