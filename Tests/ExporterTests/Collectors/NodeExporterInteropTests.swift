import Foundation
import PromText
import TestSupport
import Testing

@testable import Exporter

/// Runs the real node_exporter (Debian's `prometheus-node-exporter`) on 127.0.0.1 next to our collectors and
/// compares the values both read from the same kernel files at nearly the same moment.
@Suite(.enabled(if: Peers.available("prometheus-node-exporter")), .timeLimit(.minutes(2)))
struct NodeExporterInteropTests {
    /// One sample line of a text exposition: name, labels and value.
    struct TextSample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// Reads the sample lines of a text exposition (label values may contain escaped quotes).
    static func samples(_ text: String) -> [TextSample] {
        text.split(separator: "\n").compactMap { line -> TextSample? in
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "),
                let value = Double(line[line.index(after: space)...])
            else { return nil }
            let series = line[..<space]
            guard let brace = series.firstIndex(of: "{") else {
                return TextSample(name: String(series), labels: [:], value: value)
            }
            var labels: [String: String] = [:]
            var rest = series[series.index(after: brace)...].dropLast()
            while let equals = rest.firstIndex(of: "=") {
                let name = String(rest[..<equals]).trimmingCharacters(in: CharacterSet(charactersIn: ","))
                var index = rest.index(equals, offsetBy: 2)
                var value = ""
                while index < rest.endIndex, rest[index] != "\"" {
                    if rest[index] == "\\" { index = rest.index(after: index) }
                    value.append(rest[index])
                    index = rest.index(after: index)
                }
                labels[name] = value
                rest = rest[rest.index(after: index)...]
            }
            return TextSample(name: String(series[..<brace]), labels: labels, value: value)
        }
    }

    /// Starts node_exporter with only `collectors` enabled, scrapes it once, and stops it by PID.
    static func scrapeNodeExporter(_ collectors: [String]) throws -> [TextSample] {
        let program = try #require(Peers.path(of: "prometheus-node-exporter"))
        let port = 20_000 + Int(getpid() % 20_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments =
            ["--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults"]
            + collectors.map { "--collector.\($0)" }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        for _ in 0..<50 {
            let result = try ProcessRunner.run(
                "/usr/bin/curl", ["-sf", "http://127.0.0.1:\(port)/metrics"], timeout: 10)
            if result.status == 0 { return samples(result.standardOutput) }
            usleep(100_000)
        }
        Issue.record("node_exporter did not answer on 127.0.0.1:\(port)")
        return []
    }

    static func value(_ samples: [TextSample], _ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }?
            .value
    }

    @Test func stableValuesMatchNodeExporter() throws {
        let names = ["cpu", "diskstats", "filesystem", "meminfo", "netdev", "os", "stat", "uname"]
        let theirs = try Self.scrapeNodeExporter(names)
        let scrape = try CollectorSet(try CollectorSet.defaultCollectors()).scrape(collect: names)
        let ours = scrape.families.flatMap(\.samples).map {
            TextSample(
                name: $0.name, labels: Dictionary(uniqueKeysWithValues: $0.labels.map { ($0.name, $0.value) }),
                value: $0.value)
        }
        #expect(Self.value(theirs, "node_memory_MemTotal_bytes") != nil, "node_exporter's scrape was not read")
        #expect(Self.value(theirs, "node_filesystem_size_bytes", ["mountpoint": "/"]) != nil)
        for name in ["node_boot_time_seconds", "node_memory_MemTotal_bytes", "node_memory_SwapTotal_bytes"] {
            #expect(Self.value(ours, name) == Self.value(theirs, name), "\(name)")
        }
        for name in ["node_uname_info", "node_os_info", "node_os_version"] {
            #expect(ours.first { $0.name == name }?.labels == theirs.first { $0.name == name }?.labels, "\(name)")
            #expect(Self.value(ours, name) == Self.value(theirs, name), "\(name)")
        }
        let root = ["mountpoint": "/"]
        for name in ["node_filesystem_size_bytes", "node_filesystem_files", "node_filesystem_readonly"] {
            #expect(Self.value(ours, name, root) == Self.value(theirs, name, root), "\(name)")
        }
        func labelSets(_ samples: [TextSample], _ name: String) -> Set<[String: String]> {
            Set(samples.filter { $0.name == name }.map(\.labels))
        }
        #expect(!labelSets(theirs, "node_cpu_seconds_total").isEmpty)
        #expect(labelSets(ours, "node_cpu_seconds_total") == labelSets(theirs, "node_cpu_seconds_total"))
        #expect(labelSets(ours, "node_disk_info") == labelSets(theirs, "node_disk_info"))
        #expect(
            labelSets(ours, "node_disk_io_time_seconds_total") == labelSets(theirs, "node_disk_io_time_seconds_total"))
        // Debian's package excludes `lo`; upstream 1.5 (and Tocsin) do not.
        #expect(
            labelSets(ours, "node_network_receive_bytes_total").isSuperset(
                of: labelSets(theirs, "node_network_receive_bytes_total")))
    }
}
