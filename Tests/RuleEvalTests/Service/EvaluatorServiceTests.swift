import Exporter
import Glibc
import PromText
import Synchronization
import Testing

@testable import RuleEval

/// End to end in one process: a scripted target on 127.0.0.1, the service scraping it every 250 ms and evaluating
/// rules every 500 ms, observed through its status values, its engine and its `/metrics`.
@Suite(.serialized) struct EvaluatorServiceTests {
    /// A target whose exposition the test sets; `nil` makes it answer 500.
    final class ScriptedTarget: Sendable {
        final class Exposition: Sendable {
            let text = Mutex<String?>("")
        }

        let body = Exposition()
        let server: HTTPServer
        let port: Int

        init() throws {
            let body = self.body
            var router = Router()
            router.register("/metrics") { _ in
                guard let text = body.text.withLock({ $0 }) else { return .text("down", status: .internalServerError) }
                return HTTPResponse(
                    status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4"], body: Array(text.utf8))
            }
            server = HTTPServer(configuration: HTTPServerConfiguration(), router: router)
            port = try server.start()
        }

        func expose(_ text: String?) { body.text.withLock { $0 = text } }
    }

    /// A scratch directory with `prometheus.yml` scraping `port` (and alerting `alertmanager` when given) and
    /// `rules.yml` holding `rules`.
    static func writeConfiguration(port: Int, rules: String, alertmanager: String? = nil) throws -> String {
        var template = Array("/tmp/tocsin-service-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        try AtomicFile.write(
            Array(
                """
                global:
                  scrape_interval: 250ms
                  scrape_timeout: 200ms
                  evaluation_interval: 500ms
                  external_labels: {site: test}
                rule_files: [rules.yml]
                \(alertmanager.map { "alerting: {alertmanagers: [{static_configs: [{targets: ['\($0)']}]}]}" } ?? "")
                scrape_configs:
                  - job_name: scripted
                    static_configs: [{targets: ['127.0.0.1:\(port)']}]

                """.utf8), to: directory + "/prometheus.yml")
        try AtomicFile.write(Array(rules.utf8), to: directory + "/rules.yml")
        return directory
    }

    static let rules = """
        groups:
          - name: test
            rules:
              - record: job:demo:doubled
                expr: demo * 2
              - alert: DemoHigh
                expr: job:demo:doubled > 10
                for: 1500ms
                labels: {severity: page}
                annotations: {summary: 'demo is {{ $value }}'}

        """

    static func makeService(directory: String) throws -> EvaluatorService {
        var configuration = EvaluatorConfiguration()
        configuration.configFile = directory + "/prometheus.yml"
        configuration.listenAddress = "127.0.0.1:0"
        configuration.storagePath = directory + "/data"
        configuration.enableLifecycle = true
        return try EvaluatorService(configuration: configuration, logger: Logger(level: .error, format: .logfmt))
    }

    /// Polls `condition` every 50 ms for at most `seconds`.
    static func eventually(within seconds: Double = 10, _ condition: () -> Bool) -> Bool {
        for _ in 0..<Int(seconds * 20) {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    static func alert(_ service: EvaluatorService) -> Alert? {
        service.ruleGroups().first?.rules.last?.alerts.first
    }

    static func instant(_ service: EvaluatorService, _ query: String) -> [InstantSample] {
        guard case .vector(let samples) = try? service.engine.evaluate(query, at: ScrapeManager.realTimeMilliseconds())
        else { return [] }
        return samples
    }

    @Test func alertGoesPendingThenFiringAfterItsHoldAndResolves() throws {
        let target = try ScriptedTarget()
        defer { target.server.shutdown(gracePeriod: .zero) }
        target.expose("demo 7\n")
        let directory = try Self.writeConfiguration(port: target.port, rules: Self.rules)
        let service = try Self.makeService(directory: directory)
        _ = try service.start()
        defer { service.stop() }

        #expect(Self.eventually { Self.alert(service)?.state == .pending })
        #expect(Self.eventually { Self.alert(service)?.state == .firing })
        let alert = try #require(Self.alert(service))
        let firedAt = try #require(alert.firedAt)
        // Fires at the first evaluation at least `for` after it became active: the 3rd slot after activation.
        #expect(firedAt - alert.activeAt == 1500)
        #expect(alert.labels["severity"] == "page")
        #expect(alert.annotations["summary"] == "demo is 14")
        #expect(Self.instant(service, "job:demo:doubled").first?.value == 14)
        #expect(Self.instant(service, #"ALERTS{alertname="DemoHigh",alertstate="firing"}"#).count == 1)
        #expect(Self.instant(service, "ALERTS_FOR_STATE").first?.value == Double(alert.activeAt / 1000))

        target.expose("demo 1\n")
        #expect(Self.eventually { Self.alert(service) == nil })
        #expect(Self.eventually { Self.instant(service, "ALERTS").isEmpty })
        #expect(service.health.report(for: .readiness).status == .pass)
    }

    @Test func failedTargetGoesDownAndItsSeriesGoStale() throws {
        let target = try ScriptedTarget()
        defer { target.server.shutdown(gracePeriod: .zero) }
        target.expose("demo 3\n")
        let directory = try Self.writeConfiguration(port: target.port, rules: Self.rules)
        let service = try Self.makeService(directory: directory)
        _ = try service.start()
        defer { service.stop() }

        #expect(Self.eventually { Self.instant(service, "up").first?.value == 1 })
        #expect(Self.eventually { Self.instant(service, "job:demo:doubled").first?.value == 6 })
        target.expose(nil)
        #expect(Self.eventually { Self.instant(service, "up").first?.value == 0 })
        #expect(Self.instant(service, "demo").isEmpty)
        #expect(Self.eventually { Self.instant(service, "job:demo:doubled").isEmpty })
        #expect(service.targets().first?.health == .down)
        #expect(service.targets().first?.lastError.isEmpty == false)
    }

    @Test func brokenReloadKeepsTheRunningRulesAndGoodReloadKeepsAlertState() throws {
        let target = try ScriptedTarget()
        defer { target.server.shutdown(gracePeriod: .zero) }
        target.expose("demo 7\n")
        let directory = try Self.writeConfiguration(port: target.port, rules: Self.rules)
        let service = try Self.makeService(directory: directory)
        let port = try service.start()
        defer { service.stop() }
        #expect(Self.eventually { Self.alert(service)?.state == .firing })
        let firing = try #require(Self.alert(service))

        try AtomicFile.write(
            Array("groups:\n  - name: test\n    rules:\n      - alert: Broken\n        expr: sum(\n".utf8),
            to: directory + "/rules.yml")
        let error = try #require(service.reload())
        #expect(error.contains("rules.yml:5:15"))
        let metrics = String(decoding: try #require(fetch(port: port, path: "/metrics")).body, as: UTF8.self)
        #expect(metrics.contains("tocsin_config_last_reload_successful 0\n"))
        #expect(service.ruleGroups().first?.rules.map(\.name) == ["job:demo:doubled", "DemoHigh"])
        usleep(1_000_000)
        #expect(Self.alert(service)?.state == .firing)

        try AtomicFile.write(Array(Self.rules.utf8), to: directory + "/rules.yml")
        let reload = try #require(fetch(port: port, path: "/-/reload", method: .post))
        #expect(reload.status == 200)
        #expect(Self.alert(service)?.activeAt == firing.activeAt)
        #expect(Self.alert(service)?.firedAt == firing.firedAt)
        let after = String(decoding: try #require(fetch(port: port, path: "/metrics")).body, as: UTF8.self)
        #expect(after.contains("tocsin_config_last_reload_successful 1\n"))
    }

    @Test func lifecycleEndpointsNeedTheFlag() throws {
        let target = try ScriptedTarget()
        defer { target.server.shutdown(gracePeriod: .zero) }
        let directory = try Self.writeConfiguration(port: target.port, rules: Self.rules)
        var configuration = EvaluatorConfiguration()
        configuration.configFile = directory + "/prometheus.yml"
        configuration.listenAddress = "127.0.0.1:0"
        configuration.storagePath = directory + "/data"
        let service = try EvaluatorService(configuration: configuration, logger: Logger(level: .error, format: .logfmt))
        let port = try service.start()
        defer { service.stop() }
        #expect(fetch(port: port, path: "/-/reload", method: .post)?.status == 403)
        for path in DocumentedInterface.ruleEvaluator.paths where path != "/-/reload" {
            #expect([200, 503].contains(fetch(port: port, path: path)?.status), "\(path)")
        }
    }
}

/// One HTTP exchange with the service on 127.0.0.1.
func fetch(port: Int, path: String, method: HTTPMethod = .get) -> HTTPClientResponse? {
    try? HTTPClient(timeout: .seconds(5)).send(method, host: "127.0.0.1", port: port, target: path)
}
