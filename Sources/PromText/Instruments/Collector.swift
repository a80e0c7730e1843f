/// Something that produces metric families when a scrape asks for them (collect-on-scrape).
///
/// The registry calls ``collect()`` on every render; an implementation must be safe to call from any thread
/// while other threads update the values it reads.
public protocol Collector: Sendable {
    /// The current metric families of this collector.
    func collect() -> [MetricFamily]
}
