import Testing

@testable import PromText

@Suite struct FloatLabelValueTests {
    @Test(
        arguments: [
            (0.005, "0.005"), (1, "1"), (2.5, "2.5"), (10, "10"), (0.0001, "0.0001"), (0.00001, "1e-05"),
            (100_000, "100000"), (1_000_000, "1e+06"), (1_234_567, "1.234567e+06"), (1.5e300, "1.5e+300"),
            (-0.25, "-0.25"), (0, "0"), (-0.0, "-0"), (0.1 + 0.2, "0.30000000000000004"), (123.456, "123.456"),
            (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (Double.nan, "NaN"),
            (Double.leastNonzeroMagnitude, "5e-324"),
        ] as [(Double, String)]
    )
    func formatsLikeGoShortestG(_ value: Double, _ expected: String) {
        #expect(FloatLabelValue.format(value) == expected)
    }
}
