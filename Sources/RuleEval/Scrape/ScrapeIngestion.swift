import PromText

/// What one scrape's exposition produced so far: its samples and the series it touched.
struct ScrapeIngestion {
    /// The scrape's start, the timestamp of samples without an (honored) explicit one.
    let timestamp: Int64
    var samples: [ScrapedSample] = []
    /// Series without explicit timestamps, which take part in staleness.
    var tracked: Set<Labels> = []
    /// Every series appended.
    var seen: Set<Labels> = []
    var scraped = 0
    var postRelabeling = 0
    var seriesAdded = 0

    init(timestamp: Int64) {
        self.timestamp = timestamp
    }

    /// Records one sample; `known` are the series of the previous successful scrape.
    mutating func add(_ labels: Labels, value: Double, explicitTimestamp: Int64?, known: Set<Labels>) {
        samples.append(ScrapedSample(labels: labels, timestamp: explicitTimestamp ?? timestamp, value: value))
        if explicitTimestamp == nil { tracked.insert(labels) }
        if seen.insert(labels).inserted && !known.contains(labels) { seriesAdded += 1 }
    }
}
