import Glibc
import PromText

/// Measures how fast ``ExpositionParser`` walks a large scrape payload, in both formats.
///
/// The payload has about 100,000 series shaped like a busy exporter's: labelled counters and gauges and
/// histogram buckets, with HELP and TYPE lines. Each run iterates every entry and reads each sample's value,
/// the work a scrape loop does before it appends.
func runParseBenchmarks() {
    let timer = BenchmarkTimer()
    for format in ExpositionFormat.allCases {
        let payload = benchmarkPayload(seriesCount: 100_000, format: format)
        let megabytes = Double(payload.count) / 1_000_000
        var samples = 0
        var checksum = 0.0
        let runs = 5
        let seconds = timer.seconds {
            for _ in 0..<runs {
                var parser = ExpositionParser(bytes: payload, format: format)
                do {
                    while let entry = try parser.next() {
                        guard entry == .sample else { continue }
                        samples += 1
                        checksum += parser.value
                    }
                } catch {
                    print("benchmark payload rejected: \(error)")
                    return
                }
            }
        }
        precondition(samples > 0 && checksum > 0, "the parser must have read the payload")
        report(
            "parse \(format == .text ? "text 0.0.4" : "OpenMetrics") (\(samples / runs) samples)",
            megabytes * Double(runs) / seconds, "MB/s")
    }
}

/// A payload of `seriesCount` series: families of 20 label combinations of counters, gauges and histograms.
func benchmarkPayload(seriesCount: Int, format: ExpositionFormat) -> [UInt8] {
    var text = ""
    text.reserveCapacity(seriesCount * 96)
    var series = 0
    var family = 0
    while series < seriesCount {
        let name = "tocsin_bench_family_\(family)"
        let kind = family % 3
        let typeName = kind == 0 ? "counter" : kind == 1 ? "gauge" : "histogram"
        text += "# HELP \(name) Benchmark family number \(family).\n# TYPE \(name) \(typeName)\n"
        for instance in 0..<20 {
            let labels = "method=\"GET\",handler=\"/api/v1/items/\(instance)\",code=\"200\""
            switch kind {
            case 0:
                let sampleName = format == .openMetrics ? "\(name)_total" : name
                text += "\(sampleName){\(labels)} \(instance * 1337 + family)\n"
                series += 1
            case 1:
                text += "\(name){\(labels)} \(Double(instance) * 0.25 + 1.5)\n"
                series += 1
            default:
                for (index, bound) in ["0.005", "0.01", "0.1", "1", "+Inf"].enumerated() {
                    text += "\(name)_bucket{\(labels),le=\"\(bound)\"} \(index * 10 + instance)\n"
                }
                text += "\(name)_sum{\(labels)} 12.75\n\(name)_count{\(labels)} \(40 + instance)\n"
                series += 7
            }
        }
        family += 1
    }
    if format == .openMetrics { text += "# EOF\n" }
    return Array(text.utf8)
}
