import Testing

@testable import RuleEval

@Suite struct SeriesNotationTests {
    private func values(_ text: String) throws -> [String] {
        try SeriesNotation.expand(text).map { slot in
            switch slot {
            case .omitted: "_"
            case .value(let value) where StaleMarker.isStale(value): "stale"
            case .value(let value): "\(value)"
            }
        }
    }

    @Test(arguments: [
        ("1 2 3", ["1.0", "2.0", "3.0"]),
        ("1+1x3", ["1.0", "2.0", "3.0", "4.0"]),
        ("10-2x2", ["10.0", "8.0", "6.0"]),
        ("-1+-1x2", ["-1.0", "-2.0", "-3.0"]),
        ("5x2", ["5.0", "5.0", "5.0"]),
        ("_ _x3 1", ["_", "_", "_", "_", "1.0"]),
        ("1 stale 2", ["1.0", "stale", "2.0"]),
        ("Inf -Inf", ["inf", "-inf"]),
        ("1e3+1e3x1", ["1000.0", "2000.0"]),
        ("0x2", ["0.0", "0.0", "0.0"]),
        ("  1   2 ", ["1.0", "2.0"]),
        ("", []),
    ])
    func expandsNotation(text: String, expected: [String]) throws {
        #expect(try values(text) == expected)
    }

    @Test func nanIsAValue() throws {
        let slots = try SeriesNotation.expand("NaN")
        guard case .value(let value) = slots.first else {
            Issue.record("expected a value")
            return
        }
        #expect(value.isNaN && !StaleMarker.isStale(value))
    }

    @Test func incrementsAccumulateByFloatAddition() throws {
        let slots = try SeriesNotation.expand("0+0.1x3")
        #expect(slots.last == .value(0.1 + 0.1 + 0.1))
    }

    @Test(arguments: [
        ("1 abc", "1:3: expected a number, '_' or 'stale', found \"abc\""),
        ("1+1", "1:1: expected 'a+bxN' or 'a-bxN', found \"1+1\""),
        ("1 2x99999999999", "1:3: expected at most 10000000 values, found more"),
    ])
    func rejectsMalformedValues(text: String, message: String) {
        do {
            _ = try SeriesNotation.expand(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.description == message)
        }
    }
}
