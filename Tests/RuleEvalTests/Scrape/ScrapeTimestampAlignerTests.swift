import Testing

@testable import RuleEval

@Suite struct ScrapeTimestampAlignerTests {
    @Test func snapsWithinTwoMillisecondsOfTheGrid() {
        var aligner = ScrapeTimestampAligner(interval: 15_000)
        #expect(aligner.align(1_000_007) == 1_000_007)
        #expect(aligner.align(1_015_009) == 1_015_007)
        #expect(aligner.align(1_030_010) == 1_030_010)
        #expect(aligner.align(1_045_008) == 1_045_007)
        #expect(aligner.align(1_090_006) == 1_090_006)
    }

    @Test func toleranceIsAtMostOnePercentOfTheInterval() {
        var aligner = ScrapeTimestampAligner(interval: 100)
        #expect(aligner.tolerance == 1)
        #expect(aligner.align(1000) == 1000)
        #expect(aligner.align(1102) == 1102)
        #expect(aligner.align(1201) == 1200)
    }
}
