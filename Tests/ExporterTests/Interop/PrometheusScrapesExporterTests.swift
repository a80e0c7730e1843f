import Foundation
import TestSupport
import Testing

@testable import Exporter

/// Real Prometheus (Debian package `prometheus`) scrapes the real `tocsin-exporter` binary over both exposition
/// formats: directly (Prometheus asks for OpenMetrics first) and through a proxy that asks for text 0.0.4 only.
/// Both targets must be `up` with no scrape error and a full set of samples.
@Suite(.serialized) struct PrometheusScrapesExporterTests {
    static let prometheusAccept =
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
        + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1"

    @Test(.enabled(if: Peers.available("prometheus")), .timeLimit(.minutes(2)))
    func prometheusScrapesBothFormatsWithoutErrors() throws {
        let prometheusPath = try #require(Peers.path(of: "prometheus"), "prometheus is not installed")
        let exporterPort = FreePort.next()
        let exporterURL = "http://127.0.0.1:\(exporterPort)/metrics"
        let exporter = try BackgroundProcess(
            Paths.executable("tocsin-exporter"),
            ["--web.listen-address=127.0.0.1:\(exporterPort)", "--web.drain-delay=0s"])
        try #require(HTTPFetch.waitFor("http://127.0.0.1:\(exporterPort)/health/ready"), "exporter: \(exporter.log)")

        let openMetrics = HTTPFetch.request(exporterURL, headers: ["Accept": Self.prometheusAccept])
        #expect(openMetrics.headers["content-type"] == "application/openmetrics-text; version=1.0.0; charset=utf-8")

        var router = Router()
        router.register("/metrics") { _ in
            let upstream = HTTPFetch.request(exporterURL, headers: ["Accept": "text/plain;version=0.0.4"])
            return HTTPResponse(
                status: .ok, headers: ["Content-Type": upstream.headers["content-type"] ?? ""],
                body: Array(upstream.body))
        }
        let proxy = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), router: router)
        let proxyPort = try proxy.start()
        defer { proxy.shutdown(gracePeriod: .seconds(1)) }
        #expect(
            HTTPFetch.request("http://127.0.0.1:\(proxyPort)/metrics").headers["content-type"]
                == "text/plain; version=0.0.4; charset=utf-8")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prometheus-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: openmetrics
                static_configs: [{targets: ["127.0.0.1:\(exporterPort)"]}]
              - job_name: text
                static_configs: [{targets: ["127.0.0.1:\(proxyPort)"]}]
            """
        try configuration.write(
            to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        let prometheusPort = FreePort.next()
        let prometheus = try BackgroundProcess(
            prometheusPath,
            [
                "--config.file=\(directory.path)/prometheus.yml", "--storage.tsdb.path=\(directory.path)/data",
                "--web.listen-address=127.0.0.1:\(prometheusPort)",
            ])
        let api = "http://127.0.0.1:\(prometheusPort)/api/v1"

        var targets: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let response = HTTPFetch.request("\(api)/targets", timeout: 2)
            let json = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
            let data = json?["data"] as? [String: Any]
            targets = data?["activeTargets"] as? [[String: Any]] ?? []
            let scraped = targets.filter { ($0["lastScrape"] as? String).map { !$0.hasPrefix("0001") } ?? false }
            if targets.count == 2 && scraped.count == 2 && targets.allSatisfy({ $0["health"] as? String == "up" }) {
                break
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        for target in targets {
            let job = (target["labels"] as? [String: String])?["job"] ?? "?"
            #expect(target["health"] as? String == "up", "\(job): \(target["lastError"] ?? "")")
            #expect(target["lastError"] as? String == "", "\(job): \(target["lastError"] ?? "")")
        }
        #expect(targets.count == 2, "prometheus: \(prometheus.log)")

        let query = HTTPFetch.request("\(api)/query?query=scrape_samples_scraped")
        let result = (try JSONSerialization.jsonObject(with: query.body) as? [String: Any])?["data"] as? [String: Any]
        let samples = result?["result"] as? [[String: Any]] ?? []
        #expect(samples.count == 2)
        for sample in samples {
            let value = Double((sample["value"] as? [Any])?.last as? String ?? "") ?? 0
            #expect(value > 100, "too few samples scraped: \(sample)")
        }
        prometheus.stop()
        exporter.stop()
    }

    /// `promtool check metrics` finds no parse error in the live output, and no lint problem other than the
    /// camelCase `node_memory_*` names that node_exporter itself exposes (they mirror /proc/meminfo's fields).
    @Test(.enabled(if: Peers.available("promtool")), .timeLimit(.minutes(1)))
    func promtoolAcceptsLiveOutput() throws {
        let promtool = try #require(Peers.path(of: "promtool"), "promtool is not installed")
        let port = FreePort.next()
        let exporter = try BackgroundProcess(
            Paths.executable("tocsin-exporter"), ["--web.listen-address=127.0.0.1:\(port)", "--web.drain-delay=0s"])
        try #require(HTTPFetch.waitFor("http://127.0.0.1:\(port)/health/ready"), "exporter: \(exporter.log)")
        let body = HTTPFetch.request("http://127.0.0.1:\(port)/metrics").body
        let result = try ProcessRunner.run(promtool, ["check", "metrics"], input: body, timeout: 30)
        #expect(result.status == 0 || result.status == 3, "promtool: \(result.standardError)")
        let unexpected = result.standardError.split(separator: "\n").filter {
            !($0.hasPrefix("node_memory_")
                && $0.hasSuffix("metric names should be written in 'snake_case' not 'camelCase'"))
        }
        #expect(unexpected.isEmpty, "\(unexpected)")
        exporter.stop()
    }

    /// SIGTERM: readiness fails at once while liveness still passes during the drain delay, then the process
    /// exits 0 well inside Kubernetes' 30 s grace period.
    @Test(.timeLimit(.minutes(1)))
    func sigtermDrainsThenExitsZero() throws {
        let port = FreePort.next()
        let base = "http://127.0.0.1:\(port)"
        let exporter = try BackgroundProcess(
            Paths.executable("tocsin-exporter"), ["--web.listen-address=127.0.0.1:\(port)", "--web.drain-delay=3s"])
        try #require(HTTPFetch.waitFor("\(base)/health/ready"), "exporter: \(exporter.log)")
        #expect(HTTPFetch.request("\(base)/health/startup").status == 200)
        let started = Date()
        exporter.send(SIGTERM)
        #expect(HTTPFetch.waitFor("\(base)/health/ready", status: 503, timeout: 2))
        #expect(HTTPFetch.request("\(base)/health/live").status == 200)
        #expect(HTTPFetch.request("\(base)/metrics").status == 200)
        let status = exporter.waitForExit(timeout: 25)
        #expect(status == 0, "exporter: \(exporter.log)")
        #expect(Date().timeIntervalSince(started) >= 2.5)
    }
}
