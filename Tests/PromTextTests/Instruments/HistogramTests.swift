import Testing

@testable import PromText

@Suite struct HistogramTests {
    @Test func defaultBucketsArePrometheusDefaults() {
        #expect(Histogram.defaultBuckets == [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10])
        #expect(Histogram().upperBounds == Histogram.defaultBuckets)
    }

    @Test func countsObservationsIntoCumulativeBucketsWithInclusiveUpperBounds() {
        let histogram = Histogram(buckets: [1, 2, 5])
        for value in [0.5, 1, 1.5, 2, 4, 7, -3] {
            histogram.observe(value)
        }
        #expect(histogram.cumulativeBucketCounts == [3, 5, 6, 7])
        #expect(histogram.count == 7)
        #expect(histogram.sum == 13)
    }

    @Test func countsNaNInTheInfBucketAndPoisonsTheSum() {
        let histogram = Histogram(buckets: [1])
        histogram.observe(.nan)
        #expect(histogram.cumulativeBucketCounts == [0, 1])
        #expect(histogram.sum.isNaN)
    }

    @Test func manyBucketsUseTheSameBoundaryRuleAsFewBuckets() {
        let bounds = Histogram.linearBuckets(start: 1, width: 1, count: 100)
        let histogram = Histogram(buckets: bounds)
        for value in [0, 1, 1.5, 50, 50.5, 100, 100.5] {
            histogram.observe(value)
        }
        let counts = histogram.cumulativeBucketCounts
        #expect(counts[0] == 2)
        #expect(counts[1] == 3)
        #expect(counts[49] == 4)
        #expect(counts[50] == 5)
        #expect(counts[99] == 6)
        #expect(counts[100] == 7)
    }

    @Test func dropsATrailingInfBound() {
        #expect(Histogram(buckets: [1, 2, .infinity]).upperBounds == [1, 2])
        #expect(Histogram(buckets: []).cumulativeBucketCounts == [0])
    }

    @Test func exposesBucketSumAndCountSamples() {
        let family = HistogramFamily(
            name: "request_seconds",
            help: "Latency.",
            labelNames: ["path"],
            buckets: [0.005, 1, 1_000_000]
        )
        family.labels("/").observe(0.5)
        family.labels("/").observe(2)
        let labels: Labels = ["path": "/"]
        func bucket(_ le: String, _ count: Double) -> Sample {
            Sample(name: "request_seconds_bucket", labels: Labels(labels.pairs + [Label("le", le)]), value: count)
        }
        #expect(
            family.collect().first?.samples == [
                bucket("0.005", 0), bucket("1", 1), bucket("1e+06", 2), bucket("+Inf", 2),
                Sample(name: "request_seconds_sum", labels: labels, value: 2.5),
                Sample(name: "request_seconds_count", labels: labels, value: 2),
            ]
        )
    }

    @Test func linearBucketsStepByWidth() {
        #expect(Histogram.linearBuckets(start: 1, width: 2, count: 3) == [1, 3, 5])
        #expect(Histogram.linearBuckets(start: 0.1, width: 0.1, count: 3) == [0.1, 0.2, 0.1 + 0.1 + 0.1])
    }

    @Test func exponentialBucketsStepByFactor() {
        #expect(Histogram.exponentialBuckets(start: 1, factor: 2, count: 4) == [1, 2, 4, 8])
        #expect(Histogram.exponentialBuckets(start: 0.5, factor: 10, count: 1) == [0.5])
    }

    @Test func linearBucketsRejectNonPositiveCount() async {
        await #expect(processExitsWith: .failure) {
            _ = Histogram.linearBuckets(start: 1, width: 1, count: 0)
        }
    }

    @Test func exponentialBucketsRejectNonPositiveCount() async {
        await #expect(processExitsWith: .failure) {
            _ = Histogram.exponentialBuckets(start: 1, factor: 2, count: 0)
        }
    }

    @Test func exponentialBucketsRejectNonPositiveStart() async {
        await #expect(processExitsWith: .failure) {
            _ = Histogram.exponentialBuckets(start: 0, factor: 2, count: 3)
        }
    }

    @Test func exponentialBucketsRejectFactorOfOneOrLess() async {
        await #expect(processExitsWith: .failure) {
            _ = Histogram.exponentialBuckets(start: 1, factor: 1, count: 3)
        }
    }

    @Test func rejectsBucketsThatDoNotIncrease() async {
        await #expect(processExitsWith: .failure) {
            _ = Histogram(buckets: [1, 1, 2])
        }
    }

    @Test func familyRejectsUnsortedBucketsUpFront() async {
        await #expect(processExitsWith: .failure) {
            _ = HistogramFamily(name: "x", help: "", labelNames: ["a"], buckets: [2, 1])
        }
    }
}
