import Testing

@testable import PromText

@Suite struct CounterTests {
    @Test func startsAtZeroAndAddsWholeAndFractionalAmounts() {
        let counter = Counter()
        #expect(counter.value == 0)
        counter.increment()
        counter.increment(by: 3)
        counter.increment(by: 2.5)
        counter.increment(by: 0)
        #expect(counter.value == 6.5)
    }

    @Test func acceptsInfinity() {
        let counter = Counter()
        counter.increment(by: .infinity)
        #expect(counter.value == .infinity)
    }

    @Test func rejectsNegativeIncrements() async {
        await #expect(processExitsWith: .failure) {
            Counter().increment(by: -1)
        }
    }

    @Test func rejectsNaNIncrements() async {
        await #expect(processExitsWith: .failure) {
            Counter().increment(by: .nan)
        }
    }

    @Test(arguments: ["requests", "requests_total"])
    func familyNameAndSampleNameEndInTotal(_ name: String) {
        let family = CounterFamily(name: name, help: "Requests served.")
        family.labels().increment(by: 2)
        #expect(
            family.collect() == [
                MetricFamily(
                    name: "requests_total",
                    type: .counter,
                    help: "Requests served.",
                    samples: [Sample(name: "requests_total", value: 2)]
                )
            ]
        )
    }
}
