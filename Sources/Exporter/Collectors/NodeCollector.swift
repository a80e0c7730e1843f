import PromText

/// One node_exporter-style system collector (`cpu`, `meminfo`, ...), run by a ``CollectorSet`` on every scrape.
///
/// `update()` reads the system and returns its metric families. Throwing is the normal way to report that the
/// collector could not read its source: the runner then reports `node_scrape_collector_success{collector} 0` and
/// serves the other collectors. An implementation may block (file reads, `statvfs`), but should not hang forever:
/// the runner abandons it at the scrape deadline.
public protocol NodeCollector: Sendable {
    /// The collector's name as used by `--collector.<name>`, `collect[]` and the `collector` label.
    var name: String { get }
    /// Reads the system once and returns the collector's metric families.
    func update() throws -> [MetricFamily]
}
