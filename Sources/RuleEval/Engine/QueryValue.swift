/// The result of evaluating a PromQL expression at one instant.
public enum QueryValue: Sendable, Hashable {
    /// A scalar.
    case scalar(Double)
    /// An instant vector.
    case vector([InstantSample])
    /// A range vector.
    case matrix([RangeSeries])
    /// A string.
    case string(String)
}
