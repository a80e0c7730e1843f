import Testing

@testable import PromText

/// The upstream OpenMetrics parser cases (`conformance/openmetrics`): `.prometheus` must give Prometheus 2.42's
/// scrape verdict, `.openMetricsSpec` upstream's `shouldParse`.
@Suite struct OpenMetricsConformanceTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var shouldParse: Bool
        /// Whether Prometheus's scrape succeeded. The two `storage: label name ... is not unique` rows count as
        /// rejections: the scrape failed, and our parser rejects repeated label names itself.
        var prometheusAccepted: Bool
        var description: String { name }
    }

    static let cases: [Case] = {
        let table = String(decoding: ConformanceData.bytes("openmetrics/PROMETHEUS_2_42.tsv"), as: UTF8.self)
        return table.split(separator: "\n").dropFirst().map { row in
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            return Case(
                name: String(columns[0]), shouldParse: columns[1] == "true", prometheusAccepted: columns[2] == "true")
        }
    }()

    @Test func allCasesArePresent() {
        #expect(Self.cases.count == 211)
    }

    @Test(arguments: cases)
    func prometheusStrictnessMatchesPrometheus(_ testCase: Case) {
        let verdict = Self.verdict(testCase, strictness: .prometheus)
        #expect(
            (verdict == nil) == testCase.prometheusAccepted, "\(testCase.name): \(verdict?.description ?? "accepted")")
    }

    @Test(arguments: cases)
    func specStrictnessMatchesShouldParse(_ testCase: Case) {
        let verdict = Self.verdict(testCase, strictness: .openMetricsSpec)
        #expect((verdict == nil) == testCase.shouldParse, "\(testCase.name): \(verdict?.description ?? "accepted")")
    }

    static func verdict(_ testCase: Case, strictness: ExpositionStrictness) -> ExpositionError? {
        let payload = ConformanceData.bytes("openmetrics/cases/\(testCase.name)/metrics")
        var parser = ExpositionParser(bytes: payload, format: .openMetrics, strictness: strictness)
        do {
            while try parser.next() != nil {}
            return nil
        } catch {
            return error
        }
    }
}
