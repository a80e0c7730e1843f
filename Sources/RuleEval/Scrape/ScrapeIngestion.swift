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
    /// The long names and values of the series this scrape is the first to see, so equal ones share one
    /// allocation (the parser makes a new string for every sample).
    private var strings: Set<String> = []

    init(timestamp: Int64) {
        self.timestamp = timestamp
    }

    /// Records one sample; `known` are the series of the previous successful scrape.
    ///
    /// A series the previous scrape had keeps that scrape's label set (equal, so nothing observable changes), and
    /// the one just parsed is freed: the loop then holds one copy of each series' labels across scrapes instead
    /// of building a second one every scrape.
    mutating func add(_ parsed: Labels, value: Double, explicitTimestamp: Int64?, known: Set<Labels>) {
        let previous = known.firstIndex(of: parsed).map { known[$0] }
        let labels = previous ?? intern(parsed)
        samples.append(ScrapedSample(labels: labels, timestamp: explicitTimestamp ?? timestamp, value: value))
        if explicitTimestamp == nil { tracked.insert(labels) }
        if seen.insert(labels).inserted && previous == nil { seriesAdded += 1 }
    }

    private mutating func intern(_ labels: Labels) -> Labels {
        Labels(labels.map { Label(intern($0.name), intern($0.value)) })
    }

    /// The stored string equal to `string`; strings of up to 15 UTF-8 bytes live inline and are returned as they
    /// are.
    private mutating func intern(_ string: String) -> String {
        guard string.utf8.count > 15 else { return string }
        return strings.insert(string).memberAfterInsert
    }
}
