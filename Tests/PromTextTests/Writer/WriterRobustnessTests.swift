import Testing

@testable import PromText

/// Randomised checks that no input breaks the negotiation or the shape of the output.
@Suite struct WriterRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    static func randomString(_ alphabet: [Character], maxLength: Int, using generator: inout SplitMix) -> String {
        String(
            (0..<Int.random(in: 0...maxLength, using: &generator)).map { _ in alphabet.randomElement(using: &generator)!
            })
    }

    @Test func anyAcceptHeaderNegotiatesOneOfTheOfferedContentTypes() {
        var generator = SplitMix(state: 42)
        let alphabet = Array("text/plain;application/openmetrics-text,version=0.0.41.0.0*q=.5 escaping=allow-utf-8 ")
        let offered = [
            "text/plain; version=0.0.4;", "application/openmetrics-text; version=1.0.0;",
            "application/openmetrics-text; version=0.0.1;",
        ]
        for _ in 0..<3000 {
            let accept = Self.randomString(alphabet, maxLength: 80, using: &generator)
            let negotiated = ContentNegotiation(accept: accept)
            #expect(offered.contains(where: { negotiated.contentType.hasPrefix($0) }), "\(accept)")
            #expect(
                negotiated.contentType.hasSuffix("; charset=utf-8")
                    || negotiated.contentType.hasSuffix(
                        "; charset=utf-8; escaping=" + negotiated.escaping.parameterValue)
            )
        }
    }

    /// With any escaping scheme but allow-utf-8, every written name is a bare legacy name; with allow-utf-8 a
    /// name is bare exactly when it is legacy-valid. Either way every sample is one line.
    @Test(arguments: NameEscapingScheme.allCases)
    func randomNamesAlwaysGiveParseableLines(_ escaping: NameEscapingScheme) {
        var generator = SplitMix(state: 7)
        let alphabet = Array("ab_:.9-é☃\"\\\n {}=,#")
        for _ in 0..<500 {
            let metric = "m" + Self.randomString(alphabet, maxLength: 8, using: &generator)
            let label = Self.randomString(alphabet, maxLength: 6, using: &generator)
            let value = Self.randomString(alphabet, maxLength: 6, using: &generator)
            let family = MetricFamily(
                name: metric, type: .gauge, help: value,
                samples: [Sample(name: metric, labels: Labels(label.isEmpty ? [] : [Label(label, value)]), value: 1)])
            var buffer: [UInt8] = []
            ExpositionWriter.write([family], format: .text, escaping: escaping, into: &buffer)
            let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 4, "\(metric) \(label) \(value)")
            let sampleLine = lines[2]
            if escaping != .allowUTF8 || MetricName.isValidLegacyMetricName(metric) {
                let name = sampleLine.prefix(while: { $0 != "{" && $0 != " " })
                #expect(MetricName.isValidLegacyMetricName(name), "\(sampleLine)")
            } else {
                #expect(sampleLine.hasPrefix("{\""), "\(sampleLine)")
            }
        }
    }
}
