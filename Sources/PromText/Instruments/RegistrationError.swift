/// Why a ``Registry`` refused an instrument or collector.
///
/// Compare with the static members, e.g. `error == .duplicateRegistration(name: "up")`; `description` is a
/// sentence for logs.
public struct RegistrationError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Hashable {
        case invalidMetricName(String)
        case invalidLabelName(String, metric: String)
        case reservedLabelName(String, metric: String)
        case duplicateLabelName(String, metric: String)
        case labelNameReservedByType(String, metric: String, type: MetricType)
        case duplicateRegistration(String)
        case conflictingDefinition(String, difference: String)
        case nameCollision(String, registeredFamily: String)
    }

    private let kind: Kind

    /// The metric name is not a valid Prometheus metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`).
    public static func invalidMetricName(_ name: String) -> RegistrationError {
        RegistrationError(kind: .invalidMetricName(name))
    }

    /// A label name is not a valid Prometheus label name (`[a-zA-Z_][a-zA-Z0-9_]*`).
    public static func invalidLabelName(_ label: String, metric: String) -> RegistrationError {
        RegistrationError(kind: .invalidLabelName(label, metric: metric))
    }

    /// A label name starts with `__`, which Prometheus reserves for internal use.
    public static func reservedLabelName(_ label: String, metric: String) -> RegistrationError {
        RegistrationError(kind: .reservedLabelName(label, metric: metric))
    }

    /// The same label name is declared twice.
    public static func duplicateLabelName(_ label: String, metric: String) -> RegistrationError {
        RegistrationError(kind: .duplicateLabelName(label, metric: metric))
    }

    /// A label name the type uses for its own samples (`le` for histograms, `quantile` for summaries).
    public static func labelNameReservedByType(_ label: String, metric: String, type: MetricType) -> RegistrationError {
        RegistrationError(kind: .labelNameReservedByType(label, metric: metric, type: type))
    }

    /// A family with this name and exactly the same definition is already registered.
    public static func duplicateRegistration(name: String) -> RegistrationError {
        RegistrationError(kind: .duplicateRegistration(name))
    }

    /// A family with this name but a different type, help or label names is already registered; `difference`
    /// says what differs.
    public static func conflictingDefinition(name: String, difference: String) -> RegistrationError {
        RegistrationError(kind: .conflictingDefinition(name, difference: difference))
    }

    /// The new family would expose `name` (as a family or sample name, e.g. `x_count`), which the registered
    /// family `registeredFamily` already exposes.
    public static func nameCollision(_ name: String, registeredFamily: String) -> RegistrationError {
        RegistrationError(kind: .nameCollision(name, registeredFamily: registeredFamily))
    }

    /// A sentence describing the problem.
    public var description: String {
        switch kind {
        case .invalidMetricName(let name):
            "invalid metric name \"\(name)\": expected [a-zA-Z_:][a-zA-Z0-9_:]*"
        case .invalidLabelName(let label, let metric):
            "invalid label name \"\(label)\" for metric \(metric): expected [a-zA-Z_][a-zA-Z0-9_]*"
        case .reservedLabelName(let label, let metric):
            "label name \"\(label)\" for metric \(metric) is reserved: names starting with __ are for Prometheus"
        case .duplicateLabelName(let label, let metric):
            "label name \"\(label)\" appears more than once for metric \(metric)"
        case .labelNameReservedByType(let label, let metric, let type):
            "label name \"\(label)\" is not allowed for \(type.openMetricsKeyword) \(metric): the type uses it itself"
        case .duplicateRegistration(let name):
            "metric \(name) is already registered"
        case .conflictingDefinition(let name, let difference):
            "metric \(name) is already registered with a different definition: \(difference)"
        case .nameCollision(let name, let registeredFamily):
            "name \(name) collides with a name exposed by the registered metric \(registeredFamily)"
        }
    }
}
