/// A collector whose family is defined up front by a ``MetricDescriptor``: the labelled families
/// (``MetricVector``) and ``Info``. A ``Registry`` validates the descriptor when the instrument is registered.
public protocol Instrument: Collector {
    /// The definition of the one family this instrument collects.
    var descriptor: MetricDescriptor { get }
}
