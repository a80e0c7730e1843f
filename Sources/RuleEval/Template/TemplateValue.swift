/// A value flowing through template execution, modelling the Go dynamic types Prometheus templates meet.
///
/// Each case stands for one Go type (``goTypeName``); Go's reflection rules (kinds, truth, assignability) are
/// implemented over these cases.
enum TemplateValue: Sendable {
    /// Go's invalid `reflect.Value` (a nil interface); prints as `<no value>`.
    case missing
    /// `bool`.
    case bool(Bool)
    /// `int` (template integer constants, `len`).
    case int(Int)
    /// `float64` (sample values, float constants).
    case float(Double)
    /// `string`.
    case string(String)
    /// `html/template.HTML`, the result of `safeHtml`: a string kind of another type.
    case html(String)
    /// `map[string]string` (`.Labels`, `.ExternalLabels`, a sample's labels).
    case stringMap([String: String])
    /// `map[string]interface {}`, the result of `args`.
    case anyMap([String: TemplateValue])
    /// Prometheus's `queryResult` (`[]*sample`).
    case queryResult([TemplateQuerySample])
    /// Prometheus's `*sample`; `nil` is a nil pointer.
    case sample(TemplateQuerySample?)
    /// `*time.Time`, kept as Unix milliseconds (Prometheus truncates to milliseconds).
    case time(milliseconds: Int64)
    /// `*time.Duration`, kept as nanoseconds.
    case duration(nanoseconds: Int64)
    /// The alert template data struct (`.Labels`, `.ExternalLabels`, `.ExternalURL`, `.Value`).
    case alertData(AlertTemplateData)
    /// Alertmanager's `template.KV`: a `map[string]string` with the methods `SortedPairs`, `Names`, `Values`
    /// and `Remove`, printed as `name=value, ...`.
    case keyValues([String: String])
    /// A Go slice (`[]string`, Alertmanager's `template.Alerts` and `template.Pairs`).
    case list(TemplateList)
    /// A Go struct with exported fields (Alertmanager's `template.Data`, `template.Alert`, `template.Pair`).
    case object(TemplateObject)

    /// Go's `reflect.Type.String()` of the value, as `%T` and error messages print it.
    var goTypeName: String {
        switch self {
        case .missing: "<nil>"
        case .bool: "bool"
        case .int: "int"
        case .float: "float64"
        case .string: "string"
        case .html: "template.HTML"
        case .stringMap: "map[string]string"
        case .anyMap: "map[string]interface {}"
        case .queryResult: "template.queryResult"
        case .sample: "*template.sample"
        case .time: "*time.Time"
        case .duration: "*time.Duration"
        case .alertData:
            "struct { Labels map[string]string; ExternalLabels map[string]string; "
                + "ExternalURL string; Value interface {} }"
        case .keyValues: "template.KV"
        case .list(let list): list.goTypeName
        case .object(let object): object.goTypeName
        }
    }

    /// The text of a string-kind value (`string` or `template.HTML`), `nil` for other kinds.
    var stringKindValue: String? {
        switch self {
        case .string(let text), .html(let text): text
        default: nil
        }
    }

    /// Go's `isTrue`: the truth of a value in `if`, `with`, `and`, `or` and `not`.
    var isTrue: Bool {
        switch self {
        case .missing: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .float(let value): value != 0
        case .string(let text), .html(let text): !text.isEmpty
        case .stringMap(let map): !map.isEmpty
        case .anyMap(let map): !map.isEmpty
        case .queryResult(let samples): !samples.isEmpty
        case .sample(let sample): sample != nil
        case .keyValues(let map): !map.isEmpty
        case .list(let list): !list.elements.isEmpty
        case .time, .duration, .alertData, .object: true
        }
    }
}

/// The data Prometheus hands to alert label and annotation templates (`template.AlertTemplateData`).
public struct AlertTemplateData: Sendable, Hashable {
    /// The alert's labels (`.Labels`, `$labels`).
    public var labels: [String: String]
    /// The configured external labels (`.ExternalLabels`, `$externalLabels`).
    public var externalLabels: [String: String]
    /// The configured external URL (`.ExternalURL`, `$externalURL`).
    public var externalURL: String
    /// The sample value that triggered the alert (`.Value`, `$value`).
    public var value: Double

    /// Creates the data from its parts.
    public init(labels: [String: String], externalLabels: [String: String], externalURL: String, value: Double) {
        self.labels = labels
        self.externalLabels = externalLabels
        self.externalURL = externalURL
        self.value = value
    }
}

/// Go's byte-wise string order (`<` on Go strings), which differs from Swift's Unicode order.
func goStringLess(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}
