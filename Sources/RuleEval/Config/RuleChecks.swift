/// The rule checks `promtool check rules` makes with the PromQL and template parsers, plugged into rule file
/// validation so their errors appear in promtool's order and wording.
public struct RuleChecks: Sendable {
    /// Parses a rule's `expr`; returns the parser's error message, or `nil` when the expression is valid.
    /// A message is reported as `could not parse expression: <message>` at the `expr` value.
    public var parseExpression: @Sendable (_ expression: String) -> String?
    /// Parses one label or annotation value of an alerting rule as a template (Prometheus names the template
    /// `__alert_<alert name>`); returns the error message, or `nil`. A message is reported as
    /// `label "<name>": <message>` or `annotation "<name>": <message>` at the value.
    public var parseTemplate: @Sendable (_ template: String, _ alertName: String) -> String?

    /// Creates the checks from the two parsers.
    public init(
        parseExpression: @escaping @Sendable (String) -> String?,
        parseTemplate: @escaping @Sendable (String, String) -> String?
    ) {
        self.parseExpression = parseExpression
        self.parseTemplate = parseTemplate
    }

    /// No PromQL or template checks (every expression and template is taken as valid).
    public static let none = RuleChecks(parseExpression: { _ in nil }, parseTemplate: { _, _ in nil })

    /// The checks `promtool check rules` makes: expressions with Tocsin's PromQL parser (`1:7: parse error:
    /// unclosed left parenthesis`), alert labels and annotations with its Go template parser
    /// (`template: __alert_X:1: unexpected {{end}}`).
    public static let promtool = RuleChecks(
        parseExpression: { expression in
            do throws(PromQLError) {
                _ = try PromQLParser.parse(expression)
                return nil
            } catch {
                return error.description
            }
        },
        parseTemplate: { template, alertName in
            do throws(TemplateError) {
                _ = try AlertTemplate.parse(template, name: alertName)
                return nil
            } catch {
                return error.description
            }
        })
}
