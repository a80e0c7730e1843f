import Testing

@testable import Exporter

@Suite struct CalendarTimeTests {
    @Test func formatsTheHTTPDateAndRFC3339() {
        let time = CalendarTime(secondsSinceEpoch: 784_111_777, nanoseconds: 42_000_000)
        #expect(time.imfFixdate == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(time.rfc3339 == "1994-11-06T08:49:37.042Z")
    }
}
