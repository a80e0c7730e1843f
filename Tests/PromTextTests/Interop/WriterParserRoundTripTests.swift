import PromText
import Testing

/// Whatever the writer renders, the parser reads back to the same samples, in both formats — for a fixed registry
/// with every instrument type and for randomly generated families with hostile names and values.
@Suite struct WriterParserRoundTripTests {
    /// Samples as comparable text: full name, sorted non-empty labels (`le`/`quantile` as numbers, which
    /// OpenMetrics writes canonically), value bits (NaN normalised), timestamp.
    private func signature(_ families: [MetricFamily]) -> [String] {
        families.flatMap(\.samples).map { sample in
            let labels = sample.labels.sorted().filter { !$0.value.isEmpty }.map { label in
                guard label.name == "le" || label.name == "quantile", let number = Double(label.value) else {
                    return "\(label.name)=\(label.value)"
                }
                return "\(label.name)=\(number)"
            }
            let value = sample.value.isNaN ? "NaN" : "\(sample.value.bitPattern)"
            return "\(sample.name){\(labels.joined(separator: ","))} \(value) \(sample.timestampMilliseconds ?? -1)"
        }.sorted()
    }

    private func roundTrip(_ families: [MetricFamily], _ format: ExpositionFormat) throws -> [MetricFamily] {
        var bytes: [UInt8] = []
        ExpositionWriter.write(families, format: format, into: &bytes)
        return try ExpositionParser.parseFamilies(bytes, format: format, strictness: .prometheus)
    }

    @Test(arguments: ExpositionFormat.allCases)
    func registryRoundTrips(format: ExpositionFormat) throws {
        let families = try RegistryFixture.make().collect()
        let parsed = try roundTrip(families, format)
        let expected = signature(families).filter { format == .openMetrics || !$0.hasPrefix("build_info") }
        #expect(signature(parsed).filter { format == .openMetrics || !$0.hasPrefix("build_info") } == expected)
        #expect(Set(parsed.map(\.name)).isSuperset(of: ["http_request_duration_seconds", "response_size_bytes"]))
    }

    @Test(arguments: ExpositionFormat.allCases)
    func openMetricsOutputMeetsTheSpecification(format: ExpositionFormat) throws {
        guard format == .openMetrics else { return }
        var bytes: [UInt8] = []
        ExpositionWriter.write(try RegistryFixture.make().collect(), format: .openMetrics, into: &bytes)
        _ = try ExpositionParser.parseFamilies(bytes, format: .openMetrics, strictness: .openMetricsSpec)
    }

    @Test(arguments: ExpositionFormat.allCases)
    func randomGaugeFamiliesRoundTrip(format: ExpositionFormat) throws {
        var generator = SeededGenerator(seed: format == .text ? 1 : 2)
        for _ in 0..<200 {
            let families = (0..<Int.random(in: 1...4, using: &generator)).map { index in
                randomFamily(index: index, using: &generator)
            }
            let parsed = signature(try roundTrip(families, format))
            let expected = signature(families)
            #expect(parsed == expected, "\(Set(parsed).symmetricDifference(expected).sorted())")
        }
    }

    private func randomFamily(index: Int, using generator: inout SeededGenerator) -> MetricFamily {
        let name = "family_\(index)_" + randomString(from: "abc_:", count: 3, using: &generator)
        let labelNames = ["a", "b_2", "__c"].shuffled(using: &generator).prefix(
            Int.random(in: 0...2, using: &generator))
        var seen = Set<[String]>()
        let samples: [Sample] = (0..<Int.random(in: 1...6, using: &generator)).compactMap { _ in
            let values = labelNames.map { _ in randomString(from: "xy\"\\\n{},= é🙂", count: 4, using: &generator) }
            guard seen.insert(values).inserted else { return nil }
            let labels = Labels(zip(labelNames, values).map { Label($0, $1) })
            let special: [Double] = [.nan, .infinity, -.infinity, 0, 1e-300, 1.5e300, .leastNonzeroMagnitude]
            let value =
                Bool.random(using: &generator)
                ? special.randomElement(using: &generator)!
                : Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            let timestamp: Int64? =
                Bool.random(using: &generator) ? Int64.random(in: 0...4_000_000_000_000, using: &generator) : nil
            return Sample(name: name, labels: labels, value: value, timestampMilliseconds: timestamp)
        }
        return MetricFamily(
            name: name, type: .gauge, help: randomString(from: "h\\\n ", count: 5, using: &generator), samples: samples)
    }

    private func randomString(from alphabet: String, count: Int, using generator: inout SeededGenerator) -> String {
        String((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// A small deterministic generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
