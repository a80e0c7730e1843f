import Testing

@testable import PromText

@Suite struct GoFloatTests {
    /// Go `strconv.FormatFloat(v, 'g', -1, 64)` outputs.
    @Test(arguments: [
        (0.0, "0"), (-0.0, "-0"), (1.0, "1"), (-1.0, "-1"), (0.1, "0.1"), (100.0, "100"),
        (123_456.0, "123456"), (999_999.0, "999999"), (1e6, "1e+06"), (1_234_567.0, "1.234567e+06"),
        (0.0001, "0.0001"), (1e-5, "1e-05"), (0.00012345, "0.00012345"), (1.5e-7, "1.5e-07"),
        (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (Double.nan, "NaN"),
        (9_007_199_254_740_992.0, "9.007199254740992e+15"), (9_007_199_254_740_993.0, "9.007199254740992e+15"),
        (1e21, "1e+21"), (1e23, "1e+23"), (Double.leastNonzeroMagnitude, "5e-324"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"), (-1.5, "-1.5"), (0.1 + 0.2, "0.30000000000000004"),
        (1_520_879_607.789, "1.520879607789e+09"), (100_000.5, "100000.5"),
    ])
    func shortestMatchesGo(_ value: Double, _ expected: String) {
        #expect(GoFloat.shortest(value) == expected)
    }

    /// client_golang `writeFloat` writes negative zero as `0`, everything else as `FormatFloat`.
    @Test func expositionWritesNegativeZeroAsZero() {
        #expect(GoFloat.exposition(-0.0) == "0")
        #expect(GoFloat.exposition(0.0) == "0")
        #expect(GoFloat.exposition(-2.5) == "-2.5")
        #expect(GoFloat.exposition(1e6) == "1e+06")
    }

    /// client_golang `writeOpenMetricsFloat` appends `.0` only when there is neither `.` nor `e`.
    @Test(arguments: [
        (1.0, "1.0"), (0.0, "0.0"), (-0.0, "0.0"), (-1.0, "-1.0"), (42.0, "42.0"), (999_999.0, "999999.0"),
        (1e6, "1e+06"), (0.5, "0.5"), (1e-5, "1e-05"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"),
        (Double.nan, "NaN"), (1_520_879_607.789, "1.520879607789e+09"),
    ])
    func openMetricsAddsPointZero(_ value: Double, _ expected: String) {
        #expect(GoFloat.openMetrics(value) == expected)
    }

    /// Prometheus `jsonutil.MarshalFloat`: `'f'` inside [1e-6, 1e21), `'e'` outside.
    @Test(arguments: [
        (0.0, "0"), (-0.0, "-0"), (1.0, "1"), (1e6, "1000000"), (12_345_678_901_234_567_000.0, "12345678901234567000"),
        (1.2345678901234568e+29, "1.2345678901234568e+29"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1e-6, "0.000001"),
        (1e-6.nextDown, "9.999999999999997e-07"), (1e21, "1e+21"), (9.999999999999999e20, "999999999999999900000"),
        (Double.nan, "NaN"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (-0.25, "-0.25"),
    ])
    func jsonMatchesPrometheusAPI(_ value: Double, _ expected: String) {
        #expect(GoFloat.json(value) == expected)
    }

    @Test func integersMatchStrconv() {
        var buffer: [UInt8] = []
        GoFloat.appendInteger(Int64.min, to: &buffer)
        buffer.append(UInt8(ascii: " "))
        GoFloat.appendInteger(UInt64.max, to: &buffer)
        buffer.append(UInt8(ascii: " "))
        GoFloat.appendInteger(Int64(0), to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "-9223372036854775808 18446744073709551615 0")
    }

    /// Thousands of values (edge cases, random bit patterns, subnormals, decimals) against a table whose digits
    /// came from Python's independent shortest-digits implementation (see Golden/make-go-float-table.py).
    @Test func everyFormMatchesReferenceTable() throws {
        let table = try #require(GoldenFile.read("go-float-table.txt"))
        var mismatches: [String] = []
        var rows = 0
        for line in table.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t")).map { String(decoding: $0, as: UTF8.self) }
            let bits = try #require(UInt64(fields[0], radix: 16))
            let value = Double(bitPattern: bits)
            let actual = [GoFloat.shortest(value), GoFloat.openMetrics(value), GoFloat.json(value)]
            if actual != Array(fields[1...3]) {
                mismatches.append("\(fields[0]): expected \(fields[1...3]), got \(actual)")
            }
            rows += 1
        }
        #expect(rows > 4000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func appendsWithoutClearingTheBuffer() {
        var buffer = Array("x=".utf8)
        GoFloat.appendExposition(0.25, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "x=0.25")
    }
}
