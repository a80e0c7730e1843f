import PromText
import Testing

@testable import RuleEval

@Suite struct ScrapeTargetTests {
    private static func configuration() -> ScrapeConfiguration {
        var config = ScrapeConfiguration(jobName: "node", scrapeInterval: .seconds(15), scrapeTimeout: .seconds(5))
        config.params = ["module": ["if_mib", "second"], "target": ["a b&c"]]
        return config
    }

    @Test func discoveredLabelsCarryTheConfigurationDefaults() {
        let labels = ScrapeTarget.discoveredLabels(
            address: "host:9100", groupLabels: ["env": "prod", "job": "custom"], configuration: Self.configuration())
        #expect(
            labels
                == [
                    "__address__": "host:9100", "__metrics_path__": "/metrics", "__param_module": "if_mib",
                    "__param_target": "a b&c", "__scheme__": "http", "__scrape_interval__": "15s",
                    "__scrape_timeout__": "5s", "env": "prod", "job": "custom",
                ])
    }

    @Test func targetLabelsDropDoubleUnderscoreAndDefaultInstance() throws {
        let target = try #require(
            try ScrapeTarget(address: "host:9100", groupLabels: ["env": "prod"], configuration: Self.configuration()))
        #expect(target.labels == ["env": "prod", "instance": "host:9100", "job": "node"])
        #expect(target.interval == .seconds(15))
        #expect(target.timeout == .seconds(5))
        #expect(target.url == "http://host:9100/metrics?module=if_mib&module=second&target=a+b%26c")
        #expect(target.hostAndPort?.host == "host")
        #expect(target.hostAndPort?.port == 9100)
    }

    @Test func relabelingRewritesAddressParametersAndInstance() throws {
        var config = Self.configuration()
        config.relabelConfigs = [
            RelabelConfiguration(sourceLabels: ["__address__"], targetLabel: "__param_target"),
            RelabelConfiguration(sourceLabels: ["__param_target"], targetLabel: "instance"),
            RelabelConfiguration(targetLabel: "__address__", replacement: "exporter:9116"),
            RelabelConfiguration(targetLabel: "__scrape_interval__", replacement: "30s"),
        ]
        let target = try #require(try ScrapeTarget(address: "router1", configuration: config))
        #expect(target.labels == ["instance": "router1", "job": "node"])
        #expect(target.url == "http://exporter:9116/metrics?module=if_mib&module=second&target=router1")
        #expect(target.interval == .seconds(30))
    }

    @Test func relabelingCanDropATarget() throws {
        var config = Self.configuration()
        config.staticConfigs = [StaticConfiguration(targets: ["keep:1", "drop:2", "bad/host"])]
        config.relabelConfigs = [
            RelabelConfiguration(sourceLabels: ["__address__"], regex: try AnchoredRegex("drop.*"), action: .drop)
        ]
        let (targets, errors) = ScrapeTarget.targets(of: config)
        #expect(targets.map(\.address) == ["keep:1"])
        #expect(errors.map(\.message) == [#""bad/host" is not a valid hostname"#])
    }

    @Test(arguments: [
        ("__scrape_timeout__", "1m", #"scrape timeout cannot be greater than scrape interval ("1m" > "15s")"#),
        ("__scrape_interval__", "0s", "scrape interval cannot be 0"),
        ("__address__", "", "no address"),
    ])
    func invalidRelabeledTargetsAreErrors(label: String, value: String, message: String) {
        var config = Self.configuration()
        config.relabelConfigs = [RelabelConfiguration(targetLabel: label, replacement: value)]
        let error = #expect(throws: ScrapeTargetError.self) {
            try ScrapeTarget(address: "host:1", configuration: config)
        }
        #expect(error?.message == message)
    }

    @Test(arguments: [
        ("host", "http", "host", 80), ("host", "https", "host", 443), ("[::1]:9090", "http", "::1", 9090),
        ("[::1]", "http", "::1", 80),
    ])
    func hostAndPortDefaultToTheScheme(address: String, scheme: String, host: String, port: Int) throws {
        var config = Self.configuration()
        config.scheme = scheme
        let target = try #require(try ScrapeTarget(address: address, configuration: config))
        #expect(target.hostAndPort?.host == host)
        #expect(target.hostAndPort?.port == port)
    }
}
