import PromText

/// A promtool rule unit-test file (`promtool test rules`), decoded strictly.
public struct RuleTestFile: Sendable {
    /// The rule file patterns, relative to the test file.
    public var ruleFiles: [String]
    /// How often the rule groups are evaluated (default 1m).
    public var evaluationInterval: Int64
    /// Group names in the order they are evaluated.
    public var groupEvaluationOrder: [String]
    /// Whether sample values compare with promqltest's relative tolerance (and NaN equals NaN).
    public var fuzzyCompare: Bool
    /// The test groups.
    public var tests: [TestGroup]

    /// One entry of `tests:`.
    public struct TestGroup: Sendable {
        /// The name `--run` matches.
        public var name: String
        /// The spacing of `input_series` values in milliseconds.
        public var interval: Int64
        /// The input series: labels and expanded values.
        public var inputSeries: [(labels: Labels, values: [SeriesValue])]
        /// Labels templates see as `$externalLabels`.
        public var externalLabels: [String: String]
        /// The URL templates see as `$externalURL`.
        public var externalURL: String
        /// The alert checks.
        public var alertTests: [AlertTest]
        /// The expression checks.
        public var expressionTests: [ExpressionTest]
    }

    /// One `alert_rule_test` entry: the firing alerts expected at a time.
    public struct AlertTest: Sendable {
        /// The time in milliseconds after 0.
        public var evaluationTime: Int64
        /// The alert name.
        public var alertName: String
        /// The expected firing alerts: labels (without `alertname`) and annotations.
        public var expectedAlerts: [(labels: [String: String], annotations: [String: String])]
    }

    /// One `promql_expr_test` entry.
    public struct ExpressionTest: Sendable {
        /// The expression text.
        public var expression: String
        /// The time in milliseconds after 0.
        public var evaluationTime: Int64
        /// The expected samples: label-set text and value.
        public var expectedSamples: [(labels: String, value: Double)]
    }

    /// Decodes the test file text.
    public static func parse(_ text: String, fileName: String) throws(YAMLError) -> RuleTestFile {
        let decoder = YAMLDecoder(fileName: fileName)
        let root = try YAMLParser.parse(text, fileName: fileName)
        let fields = try decoder.fields(
            of: root, type: "unitTestFile",
            known: ["rule_files", "evaluation_interval", "group_eval_order", "tests", "fuzzy_compare"])
        var file = RuleTestFile(
            ruleFiles: try fields["rule_files"].map { (node) throws(YAMLError) in try decoder.strings(node) } ?? [],
            evaluationInterval: try fields["evaluation_interval"].map { (node) throws(YAMLError) in
                try decoder.duration(node).milliseconds
            } ?? 60_000,
            groupEvaluationOrder: try fields["group_eval_order"].map { (node) throws(YAMLError) in
                try decoder.strings(node)
            } ?? [],
            fuzzyCompare: try fields["fuzzy_compare"].map { (node) throws(YAMLError) in try decoder.bool(node) }
                ?? false,
            tests: [])
        if file.evaluationInterval == 0 { file.evaluationInterval = 60_000 }
        for node in try fields["tests"].map({ (node) throws(YAMLError) in try decoder.sequence(node) }) ?? [] {
            file.tests.append(try testGroup(node, decoder, defaultInterval: file.evaluationInterval))
        }
        return file
    }

    private static func testGroup(_ node: YAMLNode, _ decoder: YAMLDecoder, defaultInterval: Int64)
        throws(YAMLError) -> TestGroup
    {
        let fields = try decoder.fields(
            of: node, type: "testGroup",
            known: [
                "interval", "input_series", "alert_rule_test", "promql_expr_test", "external_labels", "external_url",
                "name",
            ])
        var group = TestGroup(
            name: try fields["name"].map { (node) throws(YAMLError) in try decoder.string(node) } ?? "",
            interval: try fields["interval"].map { (node) throws(YAMLError) in try decoder.duration(node).milliseconds }
                ?? defaultInterval,
            inputSeries: [], externalLabels: [:],
            externalURL: try fields["external_url"].map { (node) throws(YAMLError) in try decoder.string(node) }
                ?? "",
            alertTests: [], expressionTests: [])
        if group.interval == 0 { group.interval = defaultInterval }
        for entry in try fields["external_labels"].map({ (node) throws(YAMLError) in try decoder.stringMap(node) })
            ?? []
        {
            group.externalLabels[entry.key] = entry.value
        }
        for series in try list(fields["input_series"], decoder) {
            let seriesFields = try decoder.fields(of: series, type: "series", known: ["series", "values"])
            let labelText =
                try seriesFields["series"].map { (node) throws(YAMLError) in try decoder.string(node) } ?? ""
            let labels = try labelSet(labelText, decoder, at: seriesFields["series"]?.position ?? series.position)
            let valuesText =
                try seriesFields["values"].map { (node) throws(YAMLError) in try decoder.string(node) } ?? ""
            let values: [SeriesValue]
            do {
                values = try SeriesNotation.expand(valuesText)
            } catch {
                throw decoder.error("\(error)", at: seriesFields["values"]?.position ?? series.position)
            }
            group.inputSeries.append((labels, values))
        }
        for test in try list(fields["alert_rule_test"], decoder) {
            let testFields = try decoder.fields(
                of: test, type: "alertTestCase", known: ["eval_time", "alertname", "exp_alerts"])
            var alertTest = AlertTest(
                evaluationTime: try testFields["eval_time"].map { (node) throws(YAMLError) in
                    try decoder.duration(node).milliseconds
                } ?? 0,
                alertName: try testFields["alertname"].map { (node) throws(YAMLError) in try decoder.string(node) }
                    ?? "",
                expectedAlerts: [])
            for alert in try list(testFields["exp_alerts"], decoder) {
                let alertFields = try decoder.fields(
                    of: alert, type: "alert", known: ["exp_labels", "exp_annotations"])
                alertTest.expectedAlerts.append(
                    (
                        try stringMap(alertFields["exp_labels"], decoder),
                        try stringMap(alertFields["exp_annotations"], decoder)
                    ))
            }
            group.alertTests.append(alertTest)
        }
        for test in try list(fields["promql_expr_test"], decoder) {
            let testFields = try decoder.fields(
                of: test, type: "promqlTestCase", known: ["expr", "eval_time", "exp_samples"])
            var expressionTest = ExpressionTest(
                expression: try testFields["expr"].map { (node) throws(YAMLError) in try decoder.string(node) } ?? "",
                evaluationTime: try testFields["eval_time"].map { (node) throws(YAMLError) in
                    try decoder.duration(node).milliseconds
                } ?? 0,
                expectedSamples: [])
            for sample in try list(testFields["exp_samples"], decoder) {
                let sampleFields = try decoder.fields(of: sample, type: "sample", known: ["labels", "value"])
                let labels =
                    try sampleFields["labels"].map { (node) throws(YAMLError) in try decoder.string(node) } ?? ""
                let value = try sampleFields["value"].map { (node) throws(YAMLError) in try float(node, decoder) } ?? 0
                expressionTest.expectedSamples.append((labels, value))
            }
            group.expressionTests.append(expressionTest)
        }
        return group
    }

    private static func list(_ node: YAMLNode?, _ decoder: YAMLDecoder) throws(YAMLError) -> [YAMLNode] {
        guard let node, !node.isNull else { return [] }
        return try decoder.sequence(node)
    }

    private static func stringMap(_ node: YAMLNode?, _ decoder: YAMLDecoder) throws(YAMLError) -> [String: String] {
        guard let node, !node.isNull else { return [:] }
        var map: [String: String] = [:]
        for entry in try decoder.stringMap(node) { map[entry.key] = entry.value }
        return map
    }

    /// A YAML float as yaml.v2 reads it, including `.nan` and `.inf`.
    private static func float(_ node: YAMLNode, _ decoder: YAMLDecoder) throws(YAMLError) -> Double {
        let text = try decoder.string(node)
        switch text {
        case ".nan", ".NaN", ".NAN": return .nan
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        default:
            guard let value = Double(text), !text.lowercased().contains("n") else {
                throw decoder.error("cannot unmarshal \(GoString.quoted(text)) into float64", at: node.position)
            }
            return value
        }
    }

    /// Parses a series label set written in PromQL selector syntax (`name{a="b"}`), as `parser.ParseMetric`.
    static func labelSet(_ text: String, _ decoder: YAMLDecoder, at position: SourcePosition) throws(YAMLError)
        -> Labels
    {
        do {
            return try parseLabelSet(text)
        } catch {
            throw decoder.error("\(error)", at: position)
        }
    }

    /// Parses `name{a="b"}` or `{a="b"}` into sorted labels; only equality matchers are allowed.
    static func parseLabelSet(_ text: String) throws(EvaluationError) -> Labels {
        if text.filter({ !$0.isWhitespace }) == "{}" { return Labels() }
        let expression: Expression
        do {
            expression = try PromQLParser.parse(text)
        } catch {
            throw EvaluationError("\(error)")
        }
        guard case .vectorSelector(let selector) = expression, selector.at == nil, selector.offsetMilliseconds == 0
        else {
            throw EvaluationError("expected a label set, found \(GoString.quoted(text))")
        }
        var labels = Labels()
        for matcher in selector.storeMatchers {
            guard matcher.type == .equal else {
                throw EvaluationError("expected a label set, found \(GoString.quoted(text))")
            }
            labels = labels.setting(matcher.name, to: matcher.value)
        }
        return labels
    }
}
