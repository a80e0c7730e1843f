import Glibc
import PromText
import Testing

@testable import RuleEval

@Suite struct PrometheusConfigurationTests {
    static func parse(_ text: String) throws(YAMLError) -> PrometheusConfiguration {
        try PrometheusConfiguration.parse(Array(text.utf8), fileName: "prometheus.yml", directory: "/etc/prometheus")
    }

    @Test func emptyFileHasEveryDefault() throws {
        let config = try Self.parse("")
        #expect(config == PrometheusConfiguration())
        #expect(config.global.scrapeInterval == .minutes(1))
        #expect(config.global.scrapeTimeout == .seconds(10))
        #expect(config.global.evaluationInterval == .minutes(1))
        #expect(try Self.parse("global:\n") == PrometheusConfiguration())
    }

    @Test func decodesAFullConfiguration() throws {
        let config = try Self.parse(
            """
            global:
              scrape_interval: 15s
              evaluation_interval: 30s
              external_labels:
                region: eu-1
                env: prod
            rule_files:
              - rules/*.yml
              - /abs/alerts.yml
            alerting:
              alert_relabel_configs:
                - {action: labeldrop, regex: replica}
              alertmanagers:
                - static_configs:
                    - targets: ['am:9093']
                  path_prefix: /am
                  timeout: 5s
                  api_version: v2
            scrape_configs:
              - job_name: node
                static_configs:
                  - targets: [localhost:9100, 'other:9100']
                    labels: {team: infra}
                file_sd_configs:
                  - files: [targets/*.json]
              - job_name: app
                scrape_interval: 5s
                scrape_timeout: 2s
                metrics_path: /m
                scheme: https
                honor_labels: yes
                honor_timestamps: false
                params: {module: [http_2xx]}
                sample_limit: 1000
                label_limit: 0x10
                basic_auth: {username: u, password_file: secrets/pw}
                metric_relabel_configs:
                  - source_labels: [__name__]
                    regex: go_.*
                    action: drop
            """)
        #expect(config.global.scrapeInterval == .seconds(15))
        #expect(config.global.scrapeTimeout == .seconds(10))
        #expect(config.global.evaluationInterval == .seconds(30))
        #expect(config.global.externalLabels == ["env": "prod", "region": "eu-1"])
        #expect(config.ruleFiles == ["/etc/prometheus/rules/*.yml", "/abs/alerts.yml"])
        #expect(config.alerting.alertRelabelConfigs.map(\.action) == [.labelDrop])
        let alertmanager = try #require(config.alerting.alertmanagers.first)
        #expect(alertmanager.staticConfigs == [StaticConfiguration(targets: ["am:9093"])])
        #expect(
            alertmanager.pathPrefix == "/am" && alertmanager.timeout == .seconds(5) && alertmanager.scheme == "http")

        let node = config.scrapeConfigs[0]
        #expect(node.jobName == "node")
        #expect(node.scrapeInterval == .seconds(15) && node.scrapeTimeout == .seconds(10))
        #expect(node.metricsPath == "/metrics" && node.scheme == "http")
        #expect(!node.honorLabels && node.honorTimestamps)
        #expect(
            node.staticConfigs == [
                StaticConfiguration(targets: ["localhost:9100", "other:9100"], labels: ["team": "infra"])
            ])
        #expect(
            node.fileSDConfigs == [
                FileSDConfiguration(files: ["/etc/prometheus/targets/*.json"], refreshInterval: .minutes(5))
            ])

        let app = config.scrapeConfigs[1]
        #expect(app.scrapeInterval == .seconds(5) && app.scrapeTimeout == .seconds(2))
        #expect(app.metricsPath == "/m" && app.scheme == "https")
        #expect(app.honorLabels && !app.honorTimestamps)
        #expect(app.params == ["module": ["http_2xx"]])
        #expect(app.sampleLimit == 1000 && app.labelLimit == 16)
        #expect(app.basicAuth == BasicAuthentication(username: "u", passwordFile: "/etc/prometheus/secrets/pw"))
        #expect(app.metricRelabelConfigs.first?.action == .drop)
    }

    @Test func scrapeTimeoutDefaultsToTheShorterOfGlobalTimeoutAndInterval() throws {
        let config = try Self.parse(
            """
            global: {scrape_interval: 5s, sample_limit: 7}
            scrape_configs:
              - job_name: a
              - job_name: b
                scrape_interval: 30s
            """)
        #expect(config.global.scrapeTimeout == .seconds(5))
        #expect(config.scrapeConfigs[0].scrapeTimeout == .seconds(5))
        #expect(config.scrapeConfigs[0].sampleLimit == 7)
        #expect(config.scrapeConfigs[1].scrapeTimeout == .seconds(5))
    }

    /// A catalogue of broken configuration files and the exact message each gets.
    @Test(arguments: [
        ("foo: 1\n", "1:1: field foo not found in type config.Config"),
        ("remote_write: []\n", "1:1: field remote_write is not supported by Tocsin"),
        ("storage: {}\n", "1:1: field storage is not supported by Tocsin"),
        ("global:\n  scrape_intervall: 1m\n", "2:3: field scrape_intervall not found in type config.GlobalConfig"),
        ("global:\n  scrape_interval: 1x\n", "2:20: unknown unit \"x\" in duration \"1x\""),
        ("global:\n  scrape_interval: [1m]\n", "2:20: expected a duration, found sequence"),
        (
            "global:\n  scrape_interval: 10s\n  scrape_timeout: 20s\n",
            "3:3: global scrape timeout greater than scrape interval"
        ),
        ("global:\n  external_labels: {'': x}\n", "2:21: \"\" is not a valid label name"),
        ("global: []\n", "1:9: expected a mapping (config.GlobalConfig), found sequence"),
        ("rule_files: ['a/*/b.yml']\n", "1:14: invalid rule file path \"a/*/b.yml\""),
        ("rule_files: x\n", "1:13: expected a list, found string \"x\""),
        ("scrape_configs:\n  - scrape_interval: 1m\n", "2:5: job_name is empty"),
        ("scrape_configs:\n  -\n", "2:4: empty or null scrape config section"),
        (
            "scrape_configs:\n  - job_name: a\n  - job_name: a\n",
            "3:5: found multiple scrape configs with job name \"a\""
        ),
        (
            "scrape_configs:\n  - job_name: a\n    scrape_interval: 5s\n    scrape_timeout: 10s\n",
            "4:5: scrape timeout greater than scrape interval for scrape config with job name \"a\""
        ),
        (
            "scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs: []\n",
            "3:5: field kubernetes_sd_configs is not supported by Tocsin"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    tls_config: {ca: PEM}\n",
            "3:18: field ca is not supported by Tocsin"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    tls_config: {cert_file: c.pem}\n",
            "3:17: exactly one of key or key_file must be configured when a client certificate is configured"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    honor_labels: maybe\n",
            "3:19: expected a boolean, found string \"maybe\""
        ),
        (
            "scrape_configs:\n  - job_name: a\n    honor_labels: 'true'\n",
            "3:19: expected a boolean, found quoted string \"true\""
        ),
        (
            "scrape_configs:\n  - job_name: a\n    sample_limit: -1\n",
            "3:19: expected a non-negative integer, found string \"-1\""
        ),
        (
            "scrape_configs:\n  - job_name: a\n    scheme: ftp\n",
            "3:13: scheme must be \"http\" or \"https\", found \"ftp\""
        ),
        (
            "scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: ['http://x:1/']\n",
            "4:19: \"http://x:1/\" is not a valid hostname"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    static_configs:\n      - target: [x]\n",
            "4:9: field target not found in type targetgroup.Group"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    file_sd_configs:\n      - files: [targets.txt]\n",
            "4:17: path name \"targets.txt\" is not valid for file discovery"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    file_sd_configs:\n      - files: ['t*/a.json']\n",
            "4:17: path name \"t*/a.json\" is not valid for file discovery"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    file_sd_configs:\n      - refresh_interval: 1m\n",
            "4:9: file service discovery config must contain at least one path name"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      -\n",
            "4:8: empty or null target relabeling rule in scrape config"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    metric_relabel_configs:\n      - action: hashmod\n        target_label: x\n",
            "4:9: relabel configuration for hashmod requires non-zero modulus"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    basic_auth: {username: u, username_file: f}\n",
            "3:17: at most one of basic_auth username, username_file & username_ref must be configured"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    basic_auth: {password: p}\n    authorization: {credentials: c}\n",
            "4:20: at most one of basic_auth, oauth2 & authorization must be configured"
        ),
        (
            "scrape_configs:\n  - job_name: a\n    authorization: {type: Basic, credentials: c}\n",
            "3:20: authorization type cannot be set to \"basic\", use \"basic_auth\" instead"
        ),
        (
            "alerting:\n  alertmanagers:\n    - api_version: v1\n",
            "3:20: expected Alertmanager api version to be one of [v2] but got v1"
        ),
        ("alerting:\n  alertmanagers:\n    - sigv4: {}\n", "3:7: field sigv4 is not supported by Tocsin"),
        ("alerting:\n  alert_relabel_configs: [~]\n", "2:27: empty or null alert relabeling rule"),
        ("alerting:\n  alertmanager: []\n", "2:3: field alertmanager not found in type config.AlertingConfig"),
        ("a: &x 1\n", "1:4: anchors (&) are not supported"),
    ])
    func rejectsBrokenFile(yaml: String, message: String) {
        #expect(throws: YAMLError.self) { try Self.parse(yaml) }
        do {
            _ = try Self.parse(yaml)
        } catch {
            #expect(error.description == "prometheus.yml:" + message)
        }
    }

    @Test func loadsAFileAndResolvesRuleGlobs() throws {
        let directory = "/tmp/tocsin-config-test-\(getpid())"
        mkdir(directory, 0o755)
        mkdir(directory + "/rules", 0o755)
        defer {
            for file in ["rules/b.yml", "rules/a.yml", "rules/skip.txt", "prometheus.yml"] {
                unlink(directory + "/" + file)
            }
            rmdir(directory + "/rules")
            rmdir(directory)
        }
        for file in ["rules/b.yml", "rules/a.yml", "rules/skip.txt"] {
            #expect(writeFile(directory + "/" + file, "groups: []\n"))
        }
        #expect(writeFile(directory + "/prometheus.yml", "rule_files: ['rules/*.yml', missing.yml]\n"))
        let config = try PrometheusConfiguration.load(fileAt: directory + "/prometheus.yml")
        #expect(config.ruleFiles == [directory + "/rules/*.yml", directory + "/missing.yml"])
        #expect(config.resolvedRuleFiles() == [directory + "/rules/a.yml", directory + "/rules/b.yml"])
        #expect(throws: YAMLError.self) { try PrometheusConfiguration.load(fileAt: directory + "/absent.yml") }
    }

    @Test func unreadableFileErrorNamesTheFile() {
        do {
            _ = try PrometheusConfiguration.load(fileAt: "/nonexistent/prometheus.yml")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.description == "/nonexistent/prometheus.yml: No such file or directory")
        }
    }

    @Test(arguments: [
        ("rules/x.yml", "/etc/p", "/etc/p/rules/x.yml"), ("./a/../b.yml", "/etc/p", "/etc/p/b.yml"),
        ("/abs.yml", "/etc/p", "/abs.yml"), ("x.yml", "", "x.yml"), ("../x.yml", "rel", "x.yml"),
        ("../../x.yml", "rel", "../x.yml"),
    ])
    func joinsPathsAsGo(path: String, directory: String, joined: String) {
        #expect(joinDirectory(directory, path) == joined)
    }
}

/// Writes `text` to `path`, returning whether it worked.
func writeFile(_ path: String, _ text: String) -> Bool {
    guard let file = fopen(path, "wb") else { return false }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    return fwrite(bytes, 1, bytes.count, file) == bytes.count
}

@Suite struct EnvironmentExpansionTests {
    static let environment: [String: String] = ["REGION": "eu-1", "A_B": "x", "1": "one"]

    @Test(arguments: [
        ("plain", "plain"), ("$REGION", "eu-1"), ("${REGION}-b", "eu-1-b"), ("$A_B.c", "x.c"), ("$$", "$"),
        ("a$", "a$"), ("$UNSET|", "|"), ("${}x", "x"), ("${REGION", "REGION"), ("$1x", "onex"), ("$-", ""),
        ("$ x", "$ x"), ("é$REGION", "éeu-1"),
    ])
    func expandsAsGoOsExpand(text: String, expanded: String) {
        #expect(EnvironmentExpansion.expand(text, lookup: { Self.environment[$0] }) == expanded)
    }

    @Test func externalLabelsExpandTheEnvironment() throws {
        let config = try PrometheusConfiguration.parse(
            Array("global:\n  external_labels: {region: $REGION, cost: '$$5'}\n".utf8), fileName: "p.yml",
            directory: "", environment: { Self.environment[$0] })
        #expect(config.global.externalLabels == ["cost": "$5", "region": "eu-1"])
    }
}
