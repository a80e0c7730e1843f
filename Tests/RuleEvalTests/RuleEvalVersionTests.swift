import Testing

@testable import RuleEval

@Suite struct RuleEvalVersionTests {
    @Test func bannerNamesTheProgram() {
        #expect(RuleEvalVersion.banner.hasPrefix("tocsin-ruleeval, version "))
    }
}
