import Glibc
import Testing

@testable import PromText

/// The shared exposition vectors (`conformance/exposition`): verdicts, samples, metadata and exemplars of
/// Prometheus 2.42 scraping each payload.
@Suite struct ExpositionConformanceTests {
    static let vectorNames: [String] = ConformanceData.list("exposition").compactMap { file in
        file.hasSuffix(".expect.json") ? String(file.dropLast(".expect.json".count)) : nil
    }

    @Test func allVectorsArePresent() {
        #expect(Self.vectorNames.count == 127)
    }

    @Test(arguments: vectorNames)
    func matchesPrometheus(_ name: String) throws {
        let expectation = try JSONValue.parse(ConformanceData.bytes("exposition/\(name).expect.json"))
        let isText = expectation["format"]?.stringValue == "text0.0.4"
        let payload = ConformanceData.bytes("exposition/\(name)" + (isText ? ".prom" : ".om.txt"))
        let prometheus = try #require(expectation["prometheus_2_42"])
        // Prometheus 3 reads `{"quoted.name", ...}` as a quoted UTF-8 metric name (promlex.l/openmetricslex.l
        // gained `\{` as a start token and `tQString` in label sets); 2.42 rejected a line starting with `{`.
        // Such payloads are expected to parse, whatever 2.42 said.
        let prometheusAccepted = prometheus["accepted"]?.boolValue == true
        let accepted = prometheusAccepted || Self.usesQuotedMetricNames(payload)
        var parser = ExpositionParser(bytes: payload, format: isText ? .text : .openMetrics)
        var samples: [Sample] = []
        var failure: ExpositionError?
        do {
            while let entry = try parser.next() {
                if entry == .sample { samples.append(parser.sample) }
            }
        } catch {
            failure = error
        }
        #expect(
            (failure == nil) == accepted,
            "\(name): \(failure?.description ?? "accepted"), Prometheus: \(prometheus["error"]?.stringValue ?? "accepted")"
        )
        guard prometheusAccepted, failure == nil else { return }
        #expect(
            "\(samples.count)" == prometheus["samples_scraped"]?.stringValue, "\(name): samples_scraped differs")
        let stored = StoredSeries.storing(samples)
        let expected = prometheus["samples"]?.arrayValue.map(StoredSeries.init(json:)) ?? []
        #expect(stored.sorted() == expected.sorted(), "\(name): samples differ")
        try expectMetadata(of: payload, isText: isText, matches: prometheus["metadata"]?.arrayValue ?? [], name)
        let exemplars = samples.compactMap(StoredExemplar.init(sample:)).sorted()
        let expectedExemplars = (prometheus["exemplars"]?.arrayValue ?? []).map(StoredExemplar.init(json:)).sorted()
        #expect(exemplars == expectedExemplars, "\(name): exemplars differ")
    }

    /// Whether some line starts with `{"`: a quoted metric name, valid only since Prometheus 3.
    static func usesQuotedMetricNames(_ payload: [UInt8]) -> Bool {
        payload.split(separator: UInt8(ascii: "\n")).contains { $0.starts(with: Array("{\"".utf8)) }
    }

    /// Every family in Prometheus's metadata cache has our type, help and unit.
    private func expectMetadata(of payload: [UInt8], isText: Bool, matches expected: [JSONValue], _ name: String)
        throws
    {
        let families = try ExpositionParser.parseFamilies(payload, format: isText ? .text : .openMetrics)
        for entry in expected {
            let metric = entry["metric"]?.stringValue ?? ""
            let family = families.first { $0.name == metric }
            #expect(family != nil, "\(name): no family \(metric)")
            guard let family else { continue }
            #expect(family.type.openMetricsKeyword == entry["type"]?.stringValue, "\(name): type of \(metric)")
            #expect((family.help ?? "") == entry["help"]?.stringValue, "\(name): help of \(metric)")
            #expect((family.unit ?? "") == entry["unit"]?.stringValue, "\(name): unit of \(metric)")
        }
    }
}

/// A sample as Prometheus's TSDB keeps it: all labels with `__name__`, empty values dropped.
struct StoredSeries: Comparable, CustomStringConvertible {
    var labels: [Label]
    var value: Double
    var timestamp: Int64?

    /// Applies the storage effects of a scrape: empty-valued labels vanish, samples more than ten minutes in the
    /// future are dropped, and of two samples of one series at one timestamp the first wins.
    static func storing(_ samples: [Sample]) -> [StoredSeries] {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let tenMinutesFromNow = Int64(now.tv_sec) * 1000 + 10 * 60 * 1000
        var seen: Set<String> = []
        return samples.compactMap { sample in
            if let timestamp = sample.timestampMilliseconds, timestamp > tenMinutesFromNow { return nil }
            let series = StoredSeries(sample: sample)
            return seen.insert("\(series.labels)@\(series.timestamp.map(String.init) ?? "-")").inserted ? series : nil
        }
    }

    init(sample: Sample) {
        labels = ([Label("__name__", sample.name)] + sample.labels.pairs).filter { !$0.value.isEmpty }.sorted()
        value = sample.value
        timestamp = sample.timestampMilliseconds
    }

    init(json: JSONValue) {
        labels = (json["metric"]?.objectMembers ?? []).map { Label($0.0, $0.1.stringValue ?? "") }.sorted()
        value = Double(json["value"]?.stringValue ?? "") ?? .signalingNaN
        timestamp = json["timestamp_ms"]?.stringValue.flatMap { Int64($0) }
    }

    var description: String {
        "\(labels.map { "\($0.name)=\($0.value)" }) \(value) @\(timestamp.map(String.init) ?? "-")"
    }

    static func == (lhs: StoredSeries, rhs: StoredSeries) -> Bool {
        lhs.labels == rhs.labels && lhs.timestamp == rhs.timestamp
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
            && lhs.value.sign == rhs.value.sign
    }

    static func < (lhs: StoredSeries, rhs: StoredSeries) -> Bool { lhs.description < rhs.description }
}

/// An exemplar as Prometheus's exemplar storage keeps it; label sets over 128 code points are dropped.
struct StoredExemplar: Comparable {
    var series: [Label]
    var labels: [Label]
    var value: Double
    var timestamp: Int64?

    init?(sample: Sample) {
        guard let exemplar = sample.exemplar,
            exemplar.labels.reduce(0, { $0 + $1.name.unicodeScalars.count + $1.value.unicodeScalars.count }) <= 128
        else { return nil }
        series = StoredSeries(sample: sample).labels
        labels = exemplar.labels.sorted().pairs
        value = exemplar.value
        timestamp = exemplar.timestampMilliseconds
    }

    init(json: JSONValue) {
        series = (json["metric"]?.objectMembers ?? []).map { Label($0.0, $0.1.stringValue ?? "") }.sorted()
        labels = (json["labels"]?.objectMembers ?? []).map { Label($0.0, $0.1.stringValue ?? "") }.sorted()
        value = Double(json["value"]?.stringValue ?? "") ?? .nan
        timestamp = json["timestamp_ms"]?.stringValue.flatMap { Int64($0) }
    }

    static func < (lhs: StoredExemplar, rhs: StoredExemplar) -> Bool {
        "\(lhs.series)\(lhs.labels)" < "\(rhs.series)\(rhs.labels)"
    }
}
