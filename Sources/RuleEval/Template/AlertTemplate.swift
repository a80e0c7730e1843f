/// An alert label or annotation template, parsed and expanded exactly as Prometheus does it.
///
/// Prometheus (`rules/alerting.go`) prepends ``preamble`` to the text so `$labels`, `$externalLabels`,
/// `$externalURL` and `$value` are defined, names the Go template `__alert_<alert name>`, parses it with the
/// `missingkey=zero` option and runs it over ``AlertTemplateData``. Error positions therefore count the preamble,
/// as Prometheus's do.
///
/// ```swift
/// let template = try AlertTemplate.parse("{{ $labels.job }} at {{ $value | humanize }}", name: "HighLoad")
/// let text = template.expand(labels: ["job": "api"], externalLabels: [:], externalURL: "",
///                            value: 1234, evaluationTime: 0, query: nil)   // "api at 1.234k"
/// ```
public struct AlertTemplate: Sendable {
    /// The variable definitions Prometheus puts in front of every alert template.
    public static let preamble =
        "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}"
        + "{{$value := .Value}}"

    /// The template text as written in the rule (without the preamble).
    public let text: String
    /// The Go template name, `__alert_<alert name>`, which appears in every error message.
    public let templateName: String
    private let nodes: [TemplateNode]

    private init(text: String, templateName: String, nodes: [TemplateNode]) {
        self.text = text
        self.templateName = templateName
        self.nodes = nodes
    }

    /// Parses `text`, the label or annotation value of the alerting rule called `name`.
    ///
    /// Throws the error Go's parser reports (`template: __alert_<name>:1: unexpected "}" in operand`); this is
    /// the check `promtool check rules` performs.
    public static func parse(_ text: String, name: String) throws(TemplateError) -> AlertTemplate {
        let templateName = "__alert_" + name
        let nodes = try TemplateParser.parse(
            preamble + text, name: templateName, functions: Set(TemplateFunction.all.keys))
        return AlertTemplate(text: text, templateName: templateName, nodes: nodes)
    }

    /// Runs the template, throwing Go's execution error.
    public func execute(
        _ data: AlertTemplateData, evaluationTime: Double, query: TemplateQueryFunction?
    ) throws(TemplateError) -> String {
        let environment = TemplateEnvironment(
            query: query, externalURL: data.externalURL, evaluationTime: evaluationTime)
        return try TemplateExecutor.execute(
            nodes, text: Self.preamble + text, name: templateName, data: .alertData(data), environment: environment)
    }

    /// Expands the template for one alert; never fails: an execution error yields Prometheus's text
    /// `<error expanding template: error executing template __alert_<name>: ...>`.
    ///
    /// - Parameters:
    ///   - evaluationTime: the rule evaluation time in Unix seconds (the `now` function).
    ///   - query: runs the `query` function's PromQL; without it `query` fails with an execution error.
    public func expand(
        labels: [String: String], externalLabels: [String: String], externalURL: String, value: Double,
        evaluationTime: Double, query: TemplateQueryFunction?
    ) -> String {
        let data = AlertTemplateData(
            labels: labels, externalLabels: externalLabels, externalURL: externalURL, value: value)
        do {
            return try execute(data, evaluationTime: evaluationTime, query: query)
        } catch {
            return Self.expansionFailure(error, templateName: templateName)
        }
    }

    /// Parses and expands in one step, as Prometheus's `Expander.Expand` does for each alert: a parse error
    /// yields `<error expanding template: error parsing template __alert_<name>: ...>`.
    public static func expand(
        _ text: String, name: String, data: AlertTemplateData, evaluationTime: Double,
        query: TemplateQueryFunction?
    ) -> String {
        do {
            let template = try parse(text, name: name)
            return try template.execute(data, evaluationTime: evaluationTime, query: query)
        } catch {
            return expansionFailure(error, templateName: "__alert_" + name)
        }
    }

    /// The text Prometheus substitutes for a template that failed (`rules/alerting.go` `expand`).
    private static func expansionFailure(_ error: TemplateError, templateName: String) -> String {
        let verb = error.phase == .parsing ? "parsing" : "executing"
        return "<error expanding template: error \(verb) template \(templateName): \(error.message)>"
    }
}
