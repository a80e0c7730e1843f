import PromText

/// A receiver field such as a Slack `title` or an email `subject`, expanded as Alertmanager's
/// `ExecuteTextString` does: a Go template named `""` with `missingkey=zero`, run over
/// ``NotificationTemplateData`` with Alertmanager's functions.
///
/// ```swift
/// try NotificationTemplate.check("[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}")  // at load
/// let title = try NotificationTemplate.expand(text, data: data, now: flushedAt)            // "[FIRING] Down"
/// ```
public enum NotificationTemplate {
    /// Throws Go's parse error for `text` (`template: :1: unexpected "}" in operand`); `position` is within
    /// `text`.
    public static func check(_ text: String) throws(TemplateError) {
        _ = try TemplateParser.parse(text, name: "", functions: Set(AlertmanagerTemplateFunctions.all.keys))
    }

    /// Expands `text` over `data`; an empty text expands to the empty string without parsing, as in
    /// Alertmanager. Throws the parse or execution error.
    ///
    /// - Parameter now: Unix milliseconds, the current time for `since`.
    public static func expand(_ text: String, data: NotificationTemplateData, now: Int64) throws(TemplateError)
        -> String
    {
        guard !text.isEmpty else { return "" }
        let functions = AlertmanagerTemplateFunctions.all
        let nodes = try TemplateParser.parse(text, name: "", functions: Set(functions.keys))
        let environment = TemplateEnvironment(
            query: nil, externalURL: data.externalURL, evaluationTime: Double(now) / 1000, functions: functions)
        return try TemplateExecutor.execute(
            nodes, text: text, name: "", data: data.templateValue, environment: environment)
    }
}
