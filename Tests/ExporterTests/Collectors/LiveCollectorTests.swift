import PromText
import Testing

@testable import Exporter

/// Runs the default collectors on this machine and compares what they emit with a capture of node_exporter 1.5
/// (`Fixtures/node_exporter-1.5.0.txt`, from `prometheus-node-exporter` with `collect[]` set to the same
/// collectors on this kind of machine).
@Suite struct LiveCollectorTests {
    /// HELP, TYPE and label names of one family of a text exposition.
    struct Shape: Equatable {
        var help = ""
        var type = ""
        var labelNames: Set<String> = []
    }

    /// Families in the capture that these collectors do not emit: the receive `nohandler` counter comes from
    /// netlink, not `/proc/net/dev`; the build info belongs to the exporter itself, not to a collector.
    static let notFromTheseCollectors: Set<String> = [
        "node_network_receive_nohandler_total", "node_exporter_build_info",
    ]

    /// A minimal reader of the capture: HELP/TYPE lines and the label names of sample lines.
    static func shapes(_ text: String) -> [String: Shape] {
        var shapes: [String: Shape] = [:]
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count == 4 else { continue }
                let name = String(parts[2])
                if parts[1] == "HELP" { shapes[name, default: Shape()].help = String(parts[3]) }
                if parts[1] == "TYPE" { shapes[name, default: Shape()].type = String(parts[3]) }
            } else if !line.hasPrefix("#"), let brace = line.firstIndex(of: "{") {
                let name = String(line[..<brace])
                let labels = line[line.index(after: brace)...].split(separator: "\",").compactMap { pair in
                    pair.split(separator: "=", maxSplits: 1).first.map(String.init)
                }
                shapes[name, default: Shape()].labelNames.formUnion(labels)
            }
        }
        return shapes
    }

    static func shape(_ family: MetricFamily) -> Shape {
        Shape(
            help: family.help ?? "", type: family.type.textKeyword ?? "",
            labelNames: Set(family.samples.flatMap { $0.labels.map(\.name) }))
    }

    @Test func everyDefaultCollectorSucceedsOnThisMachine() throws {
        let set = CollectorSet(try CollectorSet.defaultCollectors())
        let scrape = try set.scrape()
        #expect(scrape.failures.isEmpty, "\(scrape.failures)")
        for name in CollectorSet.defaultEnabledNames {
            #expect(scrape.families.value("node_scrape_collector_success", ["collector": name]) == 1, "\(name)")
        }
        #expect(scrape.families.family("node_cpu_seconds_total") != nil)
        #expect(
            scrape.families.family("node_filesystem_size_bytes")?.samples.contains { $0.labels["mountpoint"] == "/" }
                == true)
    }

    @Test func namesHelpTypesAndLabelsMatchNodeExporter() throws {
        let capture = String(
            decoding: try SystemFile.read(CollectorFixtures.root + "/node_exporter-1.5.0.txt"), as: UTF8.self)
        let expected = Self.shapes(capture)
        let scrape = try CollectorSet(try CollectorSet.defaultCollectors()).scrape()
        let emitted = scrape.families + ProcessCollector().collect()
        for family in emitted {
            guard let reference = expected[family.name] else {
                // /proc/meminfo's fields depend on the kernel; their shape is checked by rule instead.
                #expect(family.name.hasPrefix("node_memory_"), "\(family.name) is not in node_exporter's output")
                #expect(family.help == "Memory information field \(family.name.dropFirst("node_memory_".count)).")
                continue
            }
            #expect(Self.shape(family) == reference, "\(family.name)")
        }
        let emittedNames = Set(emitted.map(\.name))
        for name in expected.keys where name.hasPrefix("node_") || name.hasPrefix("process_") {
            guard !Self.notFromTheseCollectors.contains(name), !name.hasPrefix("node_memory_") else { continue }
            #expect(emittedNames.contains(name), "node_exporter emits \(name)")
        }
    }
}
