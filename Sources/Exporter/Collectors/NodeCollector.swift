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
    /// Whether `update()` can block for long (network file systems, files other programs write): such a collector
    /// runs on a thread of its own, while the others share one thread per scrape, one after another.
    var mayBlock: Bool { get }
}

extension NodeCollector {
    /// Reading `/proc` and `/sys` does not block for long, so collectors share a thread unless they say otherwise.
    public var mayBlock: Bool { false }
}
