import Foundation
import TestSupport
import Testing

/// The shipped container set-up and Grafana dashboard.
@Suite("Shipped compose stack and dashboard")
struct ComposeAndDashboardTests {
    /// compose service name and the binary it runs.
    static let services: [(service: String, interface: DocumentedInterface)] = [
        ("exporter", .exporter), ("ruleeval", .ruleEvaluator),
    ]

    @Test("compose runs each binary with documented flags on 127.0.0.1 and its default port")
    func composeArgumentsAreDocumented() throws {
        let compose = try ShippedText("deploy/compose.yml")
        for (service, interface) in Self.services {
            let start = try #require(compose.lineIndex(of: "\(service):"), "no service \(service)")
            let flags = compose.listItems(under: "command", from: start).map(ShippedFlagArgument.init)
            #expect(!flags.isEmpty)
            for flag in flags {
                #expect(interface.documents(flag: flag.name), "\(service) uses undocumented --\(flag.name)")
            }
            let listen = flags.first { $0.name == "web.listen-address" }
            #expect(listen?.value == "127.0.0.1:\(interface.defaultPort)")
        }
    }

    @Test("every file compose mounts or builds from exists")
    func composePathsExist() throws {
        let compose = try ShippedText("deploy/compose.yml")
        let deploy = Paths.packageRoot.appendingPathComponent("deploy")
        let sources = compose.lines.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("- ./") || $0.hasPrefix("- ../") }
            .map { $0.dropFirst(2).split(separator: ":")[0] }
        #expect(sources.count >= 5)
        for source in sources {
            let path = deploy.appendingPathComponent(String(source)).standardized.path
            #expect(FileManager.default.fileExists(atPath: path), "compose mounts missing \(source)")
        }
        #expect(compose.lines.contains("    dockerfile: deploy/container/Containerfile"))
        #expect(FileManager.default.fileExists(atPath: deploy.appendingPathComponent("container/Containerfile").path))
    }

    @Test("the image's health check probes the exporter's liveness path on its default port")
    func containerHealthCheckProbesLiveness() throws {
        let containerfile = try ShippedText("deploy/container/Containerfile")
        let check = try ShippedText("deploy/container/healthcheck.sh")
        #expect(containerfile.lines.contains { $0.hasPrefix("HEALTHCHECK ") && $0.contains("tocsin-healthcheck") })
        #expect(containerfile.lines.contains("ENV TOCSIN_HEALTH_PORT=\(DocumentedInterface.exporter.defaultPort)"))
        #expect(check.text.contains("${TOCSIN_HEALTH_PATH:-\(DocumentedInterface.exporter.livenessPath)}"))
        let compose = try ShippedText("deploy/compose.yml")
        let ruleeval = try #require(compose.lineIndex(of: "ruleeval:"))
        let environment = compose.mapping(under: "environment", from: ruleeval)
        #expect(environment["TOCSIN_HEALTH_PORT"] == "\"\(DocumentedInterface.ruleEvaluator.defaultPort)\"")
    }

    @Test("the image builds with the README's release build, statically linked, and runs as non-root")
    func containerfileBuildsRelease() throws {
        let containerfile = try ShippedText("deploy/container/Containerfile")
        #expect(containerfile.lines.contains("RUN swift build -c release --static-swift-stdlib \\"))
        #expect(containerfile.lines.contains { $0.hasPrefix("FROM docker.io/library/debian:bookworm-slim") })
        #expect(containerfile.lines.contains("USER 65532:65532"))
    }

    /// Metrics the dashboard must chart: the exporter's host metrics and the evaluator's health.
    static let chartedMetrics = [
        "node_cpu_seconds_total", "node_memory_MemAvailable_bytes", "node_filesystem_avail_bytes",
        "node_network_receive_bytes_total", "node_disk_read_bytes_total", "node_load1", "up", "ALERTS",
        "tocsin_rule_group_last_duration_seconds", "tocsin_rule_evaluation_failures_total",
        "tocsin_notifications_sent_total", "tocsin_notifications_errors_total", "tocsin_notifications_dropped_total",
        "tocsin_notifications_queue_length", "tocsin_config_last_reload_successful",
    ]

    @Test("the dashboard charts the exporter's and evaluator's metrics from the provisioned data source")
    func dashboardChartsEverything() throws {
        let dashboard = try GrafanaDashboard(json: Data(try ShippedText("deploy/grafana/tocsin.json").text.utf8))
        #expect(dashboard.uid == "tocsin")
        #expect(dashboard.dataSourceUIDs == ["${datasource}"])
        let queries = dashboard.expressions.joined(separator: "\n")
        for metric in Self.chartedMetrics {
            #expect(queries.contains(metric), "no panel charts \(metric)")
        }
        let dataSource = try ShippedText("deploy/grafana/provisioning/datasources/prometheus.yml")
        #expect(dataSource.lines.contains("    uid: prometheus"))
    }
}
