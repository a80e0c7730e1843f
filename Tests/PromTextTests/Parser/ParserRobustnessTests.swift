import Testing

@testable import PromText

/// Hostile input never crashes or hangs the parser: every prefix of a valid payload, pseudo-random bytes, NULs,
/// invalid UTF-8 and megabyte lines either parse or throw.
@Suite struct ParserRobustnessTests {
    static let validPayloads: [(ExpositionFormat, String)] = [
        (
            .text,
            "# HELP m h\\n\n# TYPE m counter\nm{a=\"1\",b=\"x\\\"\"} 1 1395066363000\n{\"u.v\",\"a.b\"=\"c\"} -Inf\n"
        ),
        (.openMetrics, "# TYPE h_s histogram\n# UNIT h_s s\nh_s_bucket{le=\"+Inf\"} 1 1.5 # {t=\"x\"} 1 2\n# EOF\n"),
    ]

    @Test func everyPrefixParsesOrThrows() {
        for (format, payload) in Self.validPayloads {
            let bytes = Array(payload.utf8)
            #expect(ParseOutcome(bytes, format: format, strictness: .openMetricsSpec).error == nil)
            for length in 0..<bytes.count {
                for strictness in ExpositionStrictness.allCases {
                    _ = ParseOutcome(Array(bytes[..<length]), format: format, strictness: strictness)
                }
            }
        }
    }

    @Test func pseudoRandomBytesParseOrThrow() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("m_{}=\",# \n\t\\\"a1.eE+-InfNa:".utf8) + [0, 0xFF, 0xC3]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 64) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            for format in ExpositionFormat.allCases {
                _ = ParseOutcome(bytes, format: format, strictness: .openMetricsSpec)
            }
        }
    }

    @Test func megabyteLinesAndManyLabelsStayLinear() {
        let value = String(repeating: "y", count: 1 << 20)
        #expect(ParseOutcome("m{a=\"\(value)\"} 1\n", format: .text).entries.count == 1)
        let labels = (0..<20_000).map { "l\($0)=\"v\"" }.joined(separator: ",")
        #expect(
            ParseOutcome("m{\(labels),l7=\"x\"} 1\n# EOF\n", format: .openMetrics).error?.message
                == "expected a label name that appears once, found \"l7\"")
    }
}
