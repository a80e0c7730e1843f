import Testing

@testable import RuleEval

@Suite struct XORChunkTests {
    private func roundTrip(_ samples: [(Int64, Double)]) -> [(Int64, UInt64)] {
        var chunk = XORChunk()
        for (timestamp, value) in samples { chunk.append(timestamp: timestamp, value: value) }
        chunk.seal()
        var decoded: [(Int64, UInt64)] = []
        chunk.forEachSample { decoded.append(($0, $1.bitPattern)) }
        return decoded
    }

    private func expectRoundTrip(_ samples: [(Int64, Double)]) {
        let decoded = roundTrip(samples)
        #expect(decoded.map(\.0) == samples.map(\.0))
        #expect(decoded.map(\.1) == samples.map(\.1.bitPattern))
    }

    @Test func regularScrapesCompressWell() {
        let samples: [(Int64, Double)] = (0..<120).map { index in
            (1_700_000_000_000 + Int64(index) * 15_000, Double(index / 10))
        }
        expectRoundTrip(samples)
        var chunk = XORChunk()
        for (timestamp, value) in samples { chunk.append(timestamp: timestamp, value: value) }
        #expect(chunk.byteCount < 120 * 2)
        #expect(chunk.isFull)
    }

    @Test func irregularTimestampsAndExtremeValuesSurvive() {
        let staleMarker = Double(bitPattern: 0x7ff0_0000_0000_0002)
        let samples: [(Int64, Double)] = [
            (-5_000, 0), (0, -0.0), (1, .infinity), (70_000, -.infinity), (70_001, .nan), (9_000_000_000, staleMarker),
            (9_000_000_001, .greatestFiniteMagnitude), (9_000_000_002, .leastNonzeroMagnitude),
            (Int64.max / 2, 1e-300), (Int64.max / 2 + 1, 123_456.789),
        ]
        expectRoundTrip(samples)
    }

    @Test(arguments: [Int64(8191), 8192, -8192, 65_536, 65_537, 524_288, 524_289, 1 << 40])
    func deltaOfDeltaBucketEdgesRoundTrip(jump: Int64) {
        let samples: [(Int64, Double)] = [(0, 1), (10, 2), (20 + jump, 3), (30 + jump, 4), (40 + 2 * jump, 5)]
        expectRoundTrip(samples)
    }

    @Test func randomSamplesRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var timestamp = Int64.random(in: -1_000_000...1_000_000, using: &generator)
            let samples = (0..<Int.random(in: 1...120, using: &generator)).map { _ in
                timestamp += Int64.random(in: 1...10_000_000, using: &generator)
                return (timestamp, Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator)))
            }
            expectRoundTrip(samples)
        }
    }
}
