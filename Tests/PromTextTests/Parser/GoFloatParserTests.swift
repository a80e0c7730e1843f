import Testing

@testable import PromText

/// Values go through a port of Go's `strconv.ParseFloat` behind Prometheus's `p`/`P`/`_` guard.
@Suite struct GoFloatParserTests {
    static func parse(_ text: String) -> Result<Double, GoFloatParser.Failure> {
        Array(text.utf8).withUnsafeBufferPointer { GoFloatParser.parse($0) }
    }

    @Test(arguments: [
        ("1", 1.0), ("-0", -0.0), ("007", 7), (".5", 0.5), ("5.", 5), ("+1", 1), ("1e3", 1000), ("1E-3", 0.001),
        ("Inf", .infinity), ("+inf", .infinity), ("-Infinity", -.infinity), ("INFINITY", .infinity),
        ("1.7976931348623157e308", .greatestFiniteMagnitude), ("4.9e-324", .leastNonzeroMagnitude),
        ("2.2250738585072014e-308", .leastNormalMagnitude), ("1e-400", 0),
        ("3.14159265358979323846264338327950288419716939937510", 3.141592653589793),
        ("9007199254740993", 9_007_199_254_740_992), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("0.1", 0.1), ("1.005", 1.005), ("12345678901234567890", 1.2345678901234567e19),
        ("0000000000000000000000000000000000000000001.2e-1", 0.12), ("1e22", 1e22), ("1e23", 1e23),
    ])
    func parsesLikeGo(_ text: String, _ expected: Double) throws {
        let value = try Self.parse(text).get()
        #expect(value == expected && value.sign == expected.sign, "\(text)")
    }

    @Test(arguments: ["nan", "NaN", "nAn"])
    func parsesNaN(_ text: String) throws {
        #expect(try Self.parse(text).get().isNaN)
    }

    @Test(arguments: [
        ("+NaN", GoFloatParser.Failure.invalidSyntax), ("-NaN", .invalidSyntax), ("0x1A", .invalidSyntax),
        ("0x1p-2", .unsupportedCharacter), ("1_000", .unsupportedCharacter), ("1P3", .unsupportedCharacter),
        ("1e309", .outOfRange), ("-1e309", .outOfRange), ("1e", .invalidSyntax), ("1.2.3", .invalidSyntax),
        ("", .invalidSyntax), (".", .invalidSyntax), ("infin", .invalidSyntax), ("abc", .invalidSyntax),
        ("0b1", .invalidSyntax), ("0o1", .invalidSyntax), ("1\t", .invalidSyntax), ("１", .invalidSyntax),
        ("1e+", .invalidSyntax), ("--1", .invalidSyntax),
    ])
    func rejectsLikeGo(_ text: String, _ failure: GoFloatParser.Failure) {
        #expect(Self.parse(text) == .failure(failure), "\(text)")
    }
}
