import PromText

/// One sample of an instant-vector query result, as templates see it (Prometheus's template `sample`).
///
/// `labels` includes `__name__` when the series has one; templates read it with `.Labels`, `label` and
/// `sortByLabel`.
public struct TemplateQuerySample: Sendable, Hashable {
    /// The series' labels, metric name included as `__name__`.
    public var labels: [String: String]
    /// The sample value.
    public var value: Double

    /// Creates a sample from its parts.
    public init(labels: [String: String], value: Double) {
        self.labels = labels
        self.value = value
    }
}

/// The hook through which the `query` template function runs an instant PromQL query at the evaluation time.
///
/// A thrown error becomes the template execution error `error calling query: <description of the error>`.
public typealias TemplateQueryFunction = @Sendable (String) throws -> [TemplateQuerySample]
