@testable import RuleEval

/// Shared fixtures: the alert every expansion test runs over.
enum TemplateFixture {
    static let labels = ["job": "api", "instance": "host-1.example.com:9100", "__name__": "up"]
    static let externalLabels = ["region": "eu-west"]
    static let externalURL = "http://prom.example.com:9090/prometheus"
    static let alertName = "Test"
    static let templateName = "__alert_Test"
    /// Byte length of the preamble Prometheus prepends; execution error columns count it.
    static let preambleLength = AlertTemplate.preamble.utf8.count

    static let samples = [
        TemplateQuerySample(labels: ["__name__": "up", "instance": "b:9100", "job": "node"], value: 1),
        TemplateQuerySample(labels: ["__name__": "up", "instance": "a:9100", "job": "node"], value: 0),
    ]

    /// Expands `text` as an annotation of the alert `Test` over the fixture data.
    static func expand(_ text: String, value: Double = 1234.5, query: TemplateQueryFunction? = nil) -> String {
        AlertTemplate.expand(
            text, name: alertName,
            data: AlertTemplateData(
                labels: labels, externalLabels: externalLabels, externalURL: externalURL, value: value),
            evaluationTime: 1_700_000_000, query: query)
    }

    /// The parse error message for `text`, or `nil` when it parses.
    static func parseError(_ text: String) -> String? {
        do {
            _ = try AlertTemplate.parse(text, name: alertName)
            return nil
        } catch {
            return error.message
        }
    }

    /// Prometheus's expansion failure text for an execution error at `column` (0-based, within the rule's text).
    static func executionFailure(column: Int, context: String, message: String) -> String {
        "<error expanding template: error executing template \(templateName): template: \(templateName):1:"
            + "\(preambleLength + column): executing \"\(templateName)\" at <\(context)>: \(message)>"
    }
}
