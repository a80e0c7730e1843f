import Foundation
import TestSupport
import Testing

/// The shipped Kubernetes manifests: containers use documented flags, probes and ports only, run restricted,
/// and the ConfigMap and PrometheusRule carry exactly the shipped monitoring files.
@Suite("Shipped Kubernetes manifests")
struct KubernetesManifestTests {
    /// A manifest holding one Tocsin container.
    struct Workload: Sendable, CustomTestStringConvertible {
        let file: String
        let interface: DocumentedInterface
        var testDescription: String { file }
    }

    static let workloads = [
        Workload(file: "deploy/kubernetes/exporter-daemonset.yaml", interface: .exporter),
        Workload(file: "deploy/kubernetes/ruleeval-deployment.yaml", interface: .ruleEvaluator),
    ]

    /// The manifest and the line where its Tocsin container starts.
    private func container(of workload: Workload) throws -> (ShippedText, Int) {
        let manifest = try ShippedText(workload.file)
        let start = try #require(manifest.lineIndex(of: "- name: \(workload.interface.program)"))
        return (manifest, start)
    }

    @Test("the container runs its binary with documented flags only", arguments: workloads)
    func argumentsAreDocumented(workload: Workload) throws {
        let (manifest, start) = try container(of: workload)
        let command = manifest.lines.dropFirst(start).first { $0.contains("command:") }
        #expect(command?.hasSuffix("command: [/usr/local/bin/\(workload.interface.program)]") == true)
        let arguments = manifest.listItems(under: "args", from: start)
        #expect(!arguments.isEmpty)
        for argument in arguments {
            #expect(argument.hasPrefix("--"), "\(argument) is not a flag")
            #expect(workload.interface.documents(flag: ShippedFlagArgument(argument).name), "undocumented \(argument)")
        }
    }

    @Test("probes use the documented paths on the listening port", arguments: workloads)
    func probesAreDocumented(workload: Workload) throws {
        let (manifest, start) = try container(of: workload)
        let listen = manifest.listItems(under: "args", from: start).map(ShippedFlagArgument.init)
            .first { $0.name == "web.listen-address" }
        let port = try #require(listen?.port)
        #expect(port == workload.interface.defaultPort)
        let containerPort = manifest.lines.dropFirst(start).first { $0.contains("containerPort:") }
        #expect(containerPort?.hasSuffix("containerPort: \(port)") == true)

        let interface = workload.interface
        let probes = [
            ("startupProbe", interface.startupPath), ("livenessProbe", interface.livenessPath),
            ("readinessProbe", interface.readinessPath),
        ]
        for (probe, path) in probes {
            let probeLine = try #require(manifest.lineIndex(of: "\(probe):", from: start), "no \(probe)")
            let httpGet = manifest.mapping(under: "httpGet", from: probeLine)
            #expect(httpGet["path"] == path, "\(probe)")
            #expect(httpGet["port"] == String(port), "\(probe)")
            #expect(interface.paths.contains(path))
            let settings = manifest.mapping(under: probe, from: start)
            let failureThreshold = try #require(settings["failureThreshold"].flatMap { Int($0) })
            let period = try #require(settings["periodSeconds"].flatMap { Int($0) })
            #expect(
                (1...300).contains(failureThreshold * period), "\(probe) gives up after \(failureThreshold * period)s")
        }
    }

    static let restrictions = [
        "runAsNonRoot: true", "readOnlyRootFilesystem: true", "allowPrivilegeEscalation: false", "drop: [ALL]",
        "type: RuntimeDefault", "automountServiceAccountToken: false", "resources:", "requests:", "limits:",
    ]

    @Test("the pod runs restricted and with resources", arguments: workloads)
    func podIsRestricted(workload: Workload) throws {
        let lines = Set(try ShippedText(workload.file).lines.map { $0.trimmingCharacters(in: .whitespaces) })
        for restriction in Self.restrictions {
            #expect(lines.contains(restriction), "\(workload.file) lacks \(restriction)")
        }
    }

    @Test("the exporter reads the host's /proc, /sys and / read-only where its --path flags point")
    func exporterMountsHostReadOnly() throws {
        let (manifest, start) = try container(of: Self.workloads[0])
        #expect(manifest.lines.contains("      hostNetwork: true"))
        #expect(manifest.lines.contains("      hostPID: true"))
        let paths = manifest.listItems(under: "args", from: start).map(ShippedFlagArgument.init)
            .filter { $0.name.hasPrefix("path.") }
        let expected = ["path.procfs": "/host/proc", "path.sysfs": "/host/sys", "path.rootfs": "/host/root"]
        #expect(Dictionary(uniqueKeysWithValues: paths.map { ($0.name, $0.value ?? "") }) == expected)
        let hostPaths = ["/host/proc": "/proc", "/host/sys": "/sys", "/host/root": "/"]
        for (mountPath, hostPath) in hostPaths {
            let mount = try #require(manifest.lineIndex(of: "mountPath: \(mountPath)"), "no mount at \(mountPath)")
            #expect(manifest.lines[mount + 1].trimmingCharacters(in: .whitespaces) == "readOnly: true")
            let name = manifest.lines[mount - 1].trimmingCharacters(in: .whitespaces)
            let volume = try #require(manifest.lineIndex(of: name, from: mount + 2), "no volume for \(name)")
            #expect(manifest.mapping(under: "hostPath", from: volume)["path"] == hostPath)
        }
    }

    @Test("the ConfigMap carries monitoring/ verbatim", arguments: ["alert_rules.yml", "notifications.yml"])
    func configMapMatchesMonitoringFiles(file: String) throws {
        let configMap = try ShippedText("deploy/kubernetes/ruleeval-configmap.yaml")
        let shipped = try ShippedText("monitoring/\(file)")
        #expect(configMap.literalBlock(file) == shipped.text, "copy monitoring/\(file) into the ConfigMap")
    }

    @Test("the PrometheusRule carries the groups of monitoring/alert_rules.yml verbatim")
    func prometheusRuleMatchesAlertRules() throws {
        let rule = try ShippedText("deploy/kubernetes/prometheusrule.yaml")
        let spec = rule.block(under: try #require(rule.lineIndex(of: "spec:")))
        let groups = spec.map { $0.dropFirst(min(2, $0.count)) }.joined(separator: "\n")
        let rules = try ShippedText("monitoring/alert_rules.yml").text
        let groupsStart = try #require(rules.range(of: "\ngroups:\n")).lowerBound
        #expect(
            groups + "\n" == String(rules[rules.index(after: groupsStart)...]),
            "copy the groups of monitoring/alert_rules.yml into spec"
        )
    }

    @Test(
        "the ConfigMap's configuration passes promtool and amtool",
        .enabled(if: Peers.available("promtool") && Peers.available("amtool"))
    )
    func configMapFilesAreValid() throws {
        let configMap = try ShippedText("deploy/kubernetes/ruleeval-configmap.yaml")
        let directory = try ShippedPeer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in ["prometheus.yml", "alert_rules.yml", "notifications.yml"] {
            let content = try #require(configMap.literalBlock(file), "no \(file) in the ConfigMap")
            try content.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let prometheus = try ShippedPeer.run(
            "promtool",
            ["check", "config", "--lint=all", "--lint-fatal", "prometheus.yml"],
            in: directory
        )
        #expect(prometheus.status == 0, "\(prometheus.output)")
        #expect(prometheus.output.contains("SUCCESS: 1 rule files found"), "\(prometheus.output)")
        let alertmanager = try ShippedPeer.run("amtool", ["check-config", "notifications.yml"], in: directory)
        #expect(alertmanager.status == 0, "\(alertmanager.output)")
    }
}
