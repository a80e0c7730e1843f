import Testing

@testable import PromText

@Suite struct GaugeTests {
    @Test func goesUpAndDown() {
        let gauge = Gauge()
        #expect(gauge.value == 0)
        gauge.set(10)
        gauge.increment()
        gauge.decrement()
        gauge.decrement()
        gauge.add(-2.5)
        gauge.add(0.25)
        #expect(gauge.value == 6.75)
    }

    @Test func setToCurrentTimeReadsTheInjectedClock() {
        let clock = ManualWallClock(secondsSinceEpoch: 1_700_000_000.5)
        let gauge = Gauge(clock: clock)
        gauge.setToCurrentTime()
        #expect(gauge.value == 1_700_000_000.5)
        clock.advance(bySeconds: 60)
        gauge.setToCurrentTime()
        #expect(gauge.value == 1_700_000_060.5)
    }

    @Test func systemClockIsNearTheSwiftClock() {
        let gauge = Gauge()
        gauge.setToCurrentTime()
        // 2023-11-14 and 2100-01-01: the clock reads seconds, not milliseconds or nanoseconds.
        #expect(gauge.value > 1_700_000_000 && gauge.value < 4_102_444_800)
    }

    @Test func familyExposesOneSamplePerChild() {
        let family = GaugeFamily(name: "queue_length", help: "Jobs waiting.", labelNames: ["queue"])
        family.labels("mail").set(3)
        #expect(
            family.collect().first?.samples == [
                Sample(name: "queue_length", labels: ["queue": "mail"], value: 3)
            ]
        )
        #expect(family.descriptor.type == .gauge)
    }
}
