import Glibc  // links libm, which BenchmarkTimer's rounding needs
import PromText

/// Renders 10k- and 100k-series expositions into one reused buffer and reports throughput per format, for
/// series already in exposition order and for series the writer has to sort.
func runRenderBenchmarks() {
    for seriesCount in [10_000, 100_000] {
        for presorted in [true, false] {
            renderBenchmark(seriesCount: seriesCount, presorted: presorted)
        }
    }
}

private func renderBenchmark(seriesCount: Int, presorted: Bool) {
    let families = renderBenchmarkFamilies(seriesCount: seriesCount, presorted: presorted)
    for format in ExpositionFormat.allCases {
        var buffer: [UInt8] = []
        ExpositionWriter.write(families, format: format, into: &buffer)
        let bytesPerRender = buffer.count
        let renders = max(3, 2_000_000 / seriesCount)
        let seconds = BenchmarkTimer().seconds {
            for _ in 0..<renders {
                buffer.removeAll(keepingCapacity: true)
                ExpositionWriter.write(families, format: format, into: &buffer)
            }
        }
        let order = presorted ? "sorted" : "unsorted"
        let name = "render \(seriesCount / 1000)k \(order) \(format == .text ? "text" : "openmetrics")"
        report(name, Double(bytesPerRender * renders) / seconds / 1e6, "MB/s")
        report(name, Double(seriesCount * renders) / seconds, "series/s")
    }
}

/// A counter and a gauge family splitting `seriesCount` series, three labels each, with integral, fractional
/// and large values, either already in exposition order or not (as a hash-map registry would hand them over).
func renderBenchmarkFamilies(seriesCount: Int, presorted: Bool) -> [MetricFamily] {
    let methods = ["DELETE", "GET", "POST", "PUT"]
    func labels(_ index: Int) -> Labels {
        let resource = index / methods.count
        let padded = String(repeating: "0", count: presorted ? 6 - String(resource).count : 0) + String(resource)
        return [
            "handler": "/api/v1/resource/\(padded)",
            "instance": "host-\((presorted ? resource : index) % 97).example.net:9100",
            "method": methods[index % methods.count],
        ]
    }
    let half = seriesCount / 2
    let counters = (0..<half).map { index in
        Sample(name: "http_requests_total", labels: labels(index), value: Double(index * 37 % 1_000_003))
    }
    let gauges = (0..<(seriesCount - half)).map { index in
        Sample(name: "queue_latency_seconds", labels: labels(index), value: Double(index) * 0.001_7 + 1e-4)
    }
    return [
        MetricFamily(name: "http_requests", type: .counter, help: "Requests served.", samples: counters),
        MetricFamily(name: "queue_latency_seconds", type: .gauge, help: "Queue latency.", samples: gauges),
    ]
}
