import PromText
import Testing

@testable import Exporter

@Suite struct ExporterConfigurationTests {
    private func configuration(_ arguments: [String]) throws -> ExporterConfiguration {
        try ExporterConfiguration(flags: FlagParser(ExporterConfiguration.flags).parse(arguments))
    }

    @Test func defaultsMatchNodeExporterExceptThePort() throws {
        let defaults = try configuration([])
        #expect(defaults.listenAddress == ":9813")
        #expect(defaults.telemetryPath == "/metrics")
        #expect(defaults.maxRequests == 40)
        #expect(defaults.enabledCollectors == ExporterConfiguration.collectorNames)
        #expect(defaults.textfileDirectory == nil)
        #expect(defaults.paths == SystemPaths())
        #expect(defaults.drainDelay == .seconds(5))
    }

    @Test func disableDefaultsKeepsOnlyExplicitlyEnabledCollectors() throws {
        let selected = try configuration(["--collector.disable-defaults", "--collector.cpu", "--collector.meminfo"])
        #expect(selected.enabledCollectors == ["cpu", "meminfo"])
        let withoutCPU = try configuration(["--no-collector.cpu"])
        #expect(!withoutCPU.enabledCollectors.contains("cpu"))
        #expect(withoutCPU.enabledCollectors.contains("meminfo"))
    }

    @Test func pathsAndLoggingAreTakenFromFlags() throws {
        let configured = try configuration([
            "--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root", "--log.level=debug",
            "--log.format=json", "--collector.textfile.directory=/var/lib/tocsin", "--web.drain-delay=1m30s",
        ])
        #expect(configured.paths.procfs == "/host/proc")
        #expect(configured.paths.rootfs == "/host/root")
        #expect(configured.logLevel == .debug)
        #expect(configured.logFormat == .json)
        #expect(configured.textfileDirectory == "/var/lib/tocsin")
        #expect(configured.drainDelay == PrometheusDuration(milliseconds: 90_000))
    }

    @Test(arguments: [
        ["--log.level=verbose"], ["--log.format=xml"], ["--web.max-requests=-1"], ["--web.drain-delay=5"],
        ["--web.telemetry-path=metrics"], ["--collector.nosuch"],
    ])
    func invalidValuesAreRejected(arguments: [String]) {
        #expect(throws: FlagError.self) { try configuration(arguments) }
    }
}
