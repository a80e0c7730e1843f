import Foundation
import Testing

@testable import RuleEval

/// Runs the promtool-format engine cases in `Fixtures/` (one file per function family); each must pass.
@Suite struct QueryEngineFixtureTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    @Test(arguments: [
        "selectors", "range_functions", "aggregations", "operators", "instant_functions", "rules", "query_offset",
    ])
    func casesPass(file: String) {
        let path = Self.fixtures.appendingPathComponent("\(file).test.yml").path
        let failures = RuleTestRunner().testFailures(fileAt: path).map(\.message)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func groupLimitFailsTheRule() {
        let path = Self.fixtures.appendingPathComponent("limit.test.yml").path
        #expect(
            RuleTestRunner().testFailures(fileAt: path).map(\.message) == [
                "    rule: limited:up, time: 0s, err: exceeded limit of 1 with 2 series"
            ])
    }
}
