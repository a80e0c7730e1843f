import Testing

@testable import PromText

@Suite struct PrometheusDurationTests {
    static let valid: [(String, Int64)] = [
        ("0", 0), ("0s", 0), ("500ms", 500), ("15s", 15_000), ("1m", 60_000), ("1h30m", 5_400_000),
        ("1d", 86_400_000), ("1w", 604_800_000), ("1y", 31_536_000_000), ("2h0m10s5ms", 7_210_005),
        ("1y2w3d4h5m6s7ms", 33_019_506_007),
    ]

    @Test(arguments: valid)
    func parsesPrometheusDurations(text: String, milliseconds: Int64) throws {
        #expect(try PrometheusDuration(parsing: text).milliseconds == milliseconds)
    }

    static let invalid: [(String, PrometheusDuration.ParseError)] = [
        ("", .empty), ("1", .invalid("1")), ("1.5s", .invalid("1.5s")),
        ("-1s", .invalid("-1s")), ("1m1h", .invalid("1m1h")), ("1s1s", .invalid("1s1s")), ("s", .invalid("s")),
        ("1 s", .invalid("1 s")), ("1S", .invalid("1S")), ("300y", .outOfRange), ("99999999999999999999s", .outOfRange),
    ]

    @Test(arguments: invalid)
    func rejectsWhatPrometheusRejects(text: String, error: PrometheusDuration.ParseError) {
        #expect(throws: error) { try PrometheusDuration(parsing: text) }
    }

    static let canonical: [(Int64, String)] = [
        (0, "0s"), (500, "500ms"), (90_000, "1m30s"), (86_400_000 * 90, "90d"), (604_800_000 * 2, "2w"),
        (31_536_000_000, "1y"), (604_800_000 + 1000, "7d1s"),
    ]

    @Test(arguments: canonical)
    func printsCanonically(milliseconds: Int64, text: String) {
        #expect(PrometheusDuration(milliseconds: milliseconds).description == text)
    }
}
