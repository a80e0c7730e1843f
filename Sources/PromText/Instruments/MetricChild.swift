/// One series (or, for histograms and summaries, one group of series) of a labelled family: the value cell that
/// application code updates, e.g. ``Counter`` or ``Histogram``.
///
/// A ``MetricVector`` creates one child per distinct combination of label values and asks each child for its
/// samples when it is collected. Children hold no name or labels of their own.
public protocol MetricChild: AnyObject, Sendable {
    /// The type of the family this kind of child belongs to.
    static var metricType: MetricType { get }

    /// Appends this child's samples to `samples`.
    ///
    /// - Parameters:
    ///   - familyName: The family name, as ``MetricDescriptor/name`` holds it; the child adds suffixes such as
    ///     `_bucket` where its type needs them.
    ///   - labels: The child's label pairs, in the family's label-name order.
    func appendSamples(familyName: String, labels: Labels, to samples: inout [Sample])
}
