/// The Go parameter types template functions declare; arguments are checked and converted against them.
enum TemplateParameterType: Sendable {
    /// `reflect.Value` (Go builtins): any value, a missing one included.
    case reflectValue
    /// `interface {}`: any value; a missing one becomes nil.
    case anyValue
    /// `string`.
    case string
    /// `float64`.
    case float
    /// `int`.
    case int
    /// Prometheus's `queryResult`.
    case queryResult
    /// Prometheus's `*sample`.
    case sample
    /// `[]string` (Alertmanager's `join`, `KV.Remove`).
    case stringSlice
    /// `time.Time` (Alertmanager's `date`, `tz`, `since`).
    case time

    /// Go's name of the type, as messages print it.
    var goName: String {
        switch self {
        case .reflectValue: "reflect.Value"
        case .anyValue: "interface {}"
        case .string: "string"
        case .float: "float64"
        case .int: "int"
        case .queryResult: "template.queryResult"
        case .sample: "*template.sample"
        case .stringSlice: "[]string"
        case .time: "time.Time"
        }
    }

    /// Go's `canBeNil`: whether a missing value or `nil` converts to this type's zero value.
    var zeroForNil: TemplateValue? {
        switch self {
        case .reflectValue, .anyValue: .missing
        case .queryResult: .queryResult([])
        case .sample: .sample(nil)
        case .stringSlice: .list(.strings([]))
        case .string, .float, .int, .time: nil
        }
    }

    /// Go's assignability of `value` to this type.
    func accepts(_ value: TemplateValue) -> Bool {
        switch (self, value) {
        case (.reflectValue, _), (.anyValue, _), (.string, .string), (.float, .float), (.int, .int),
            (.queryResult, .queryResult), (.sample, .sample), (.time, .time):
            true
        case (.stringSlice, .list(let list)):
            list.stringElements != nil
        default:
            false
        }
    }
}

/// What template functions can reach besides their arguments.
struct TemplateEnvironment: Sendable {
    /// Runs `query`; `nil` when no engine is attached.
    var query: TemplateQueryFunction?
    /// Prometheus's external URL (`externalURL`, `pathPrefix`).
    var externalURL: String
    /// The evaluation time in Unix seconds (`now`).
    var evaluationTime: Double
    /// The functions templates may call (Prometheus's set unless given).
    var functions: [String: TemplateFunction] = TemplateFunction.all
    /// Whether printed actions are escaped as `html/template` escapes text between tags (values of type
    /// `template.HTML`, from `safeHtml`, are not).
    var escapesHTML = false
    /// The templates `{{template "name" .}}` can run, each rendering its dot.
    var namedTemplates: [String: @Sendable (TemplateValue) -> String] = [:]
}

/// An error returned by a template function; execution reports it as `error calling <name>: <message>`.
struct TemplateFunctionError: Error {
    /// The Go error text.
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

/// A function callable from templates, with its Go signature.
struct TemplateFunction: Sendable {
    /// Fixed parameters.
    var parameters: [TemplateParameterType]
    /// The element type of a final variadic parameter, if any.
    var variadic: TemplateParameterType?
    /// The implementation, called with arguments already converted to the parameter types.
    var body: @Sendable ([TemplateValue], TemplateEnvironment) throws(TemplateFunctionError) -> TemplateValue

    /// A function of fixed arity.
    init(
        _ parameters: [TemplateParameterType], variadic: TemplateParameterType? = nil,
        _ body:
            @escaping @Sendable ([TemplateValue], TemplateEnvironment) throws(TemplateFunctionError) ->
            TemplateValue
    ) {
        self.parameters = parameters
        self.variadic = variadic
        self.body = body
    }

    /// Every function alert templates can call: Go's builtins and Prometheus's template functions.
    static let all: [String: TemplateFunction] = GoBuiltinFunctions.all.merging(
        PrometheusTemplateFunctions.all, uniquingKeysWith: { _, prometheus in prometheus })
}
