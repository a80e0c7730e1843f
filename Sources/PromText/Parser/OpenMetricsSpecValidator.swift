/// The OpenMetrics 1.0 semantic rules that Prometheus's scrape parser does not enforce, checked entry by entry
/// for ``ExpositionStrictness/openMetricsSpec``.
///
/// The rules follow the OpenMetrics 1.0 specification as its reference parser (python `prometheus_client`)
/// reads it: metadata before samples and at most once per family, family names that do not clash, each family
/// and each label group within it contiguous, timestamps that do not go backwards within a group, counter-like
/// values neither NaN nor negative, no reserved (`__`) label names, histogram and summary structure, info and stateset values, UNIT only where
/// allowed, and exemplars only on counter `_total` and histogram `_bucket` samples with at most 128 code points of
/// labels.
struct OpenMetricsSpecValidator: Sendable {
    /// The family whose lines are being read.
    private struct Family: Sendable {
        var name: String
        var type: MetricType?
        var hasHelp = false
        var hasUnit = false
        var hasSamples = false
        var effectiveType: MetricType { type ?? .untyped }
    }

    private var current: Family?
    private var knownFamilies: Set<String> = []
    /// Every sample name a declared family may use, mapped to that family.
    private var sampleNameOwners: [String: String] = [:]
    private var group: LabelGroup?
    private var seenGroups: Set<Labels> = []

    /// Checks one entry the parser just returned.
    mutating func observe(_ entry: ExpositionEntry, of parser: ExpositionParser) throws(ExpositionError) {
        let position = parser.entryPosition
        switch entry {
        case .help, .type, .unit:
            try observeMetadata(entry, of: parser, at: position)
        case .sample:
            try observeSample(of: parser, at: position)
        case .comment:
            break
        }
    }

    /// Runs the checks that need the whole of the last family.
    mutating func finish(at position: SourcePosition) throws(ExpositionError) {
        try closeFamily(at: position)
    }

    private mutating func observeMetadata(
        _ entry: ExpositionEntry, of parser: ExpositionParser, at position: SourcePosition
    ) throws(ExpositionError) {
        let name = parser.metricName
        if current?.name != name {
            try closeFamily(at: position)
            try startFamily(name, at: position)
        }
        guard var family = current else { return }
        let keyword = entry == .help ? "HELP" : entry == .type ? "TYPE" : "UNIT"
        guard !family.hasSamples else {
            throw ExpositionError(
                position: position, expected: "\(keyword) before the samples of family \"\(name)\"",
                found: "\(keyword) after them")
        }
        let isRepeated: Bool
        switch entry {
        case .help:
            isRepeated = family.hasHelp
            family.hasHelp = true
        case .type:
            isRepeated = family.type != nil
            family.type = parser.metricType
            try reserveSampleNames(of: family, at: position)
        default:
            isRepeated = family.hasUnit
            family.hasUnit = true
        }
        guard !isRepeated else {
            throw ExpositionError(
                position: position, expected: "one \(keyword) line for family \"\(name)\"", found: "a second one")
        }
        if family.hasUnit, family.type == .info || family.type == .stateset {
            throw ExpositionError(
                position: position, expected: "UNIT only on families that are not info or stateset",
                found: "UNIT on \(family.effectiveType.openMetricsKeyword) family \"\(name)\"")
        }
        current = family
    }

    private mutating func startFamily(_ name: String, at position: SourcePosition) throws(ExpositionError) {
        guard knownFamilies.insert(name).inserted else {
            throw ExpositionError(
                position: position, expected: "the lines of family \"\(name)\" together",
                found: "family \"\(name)\" again after another family")
        }
        let family = Family(name: name)
        try reserveSampleNames(of: family, at: position)
        current = family
    }

    private mutating func reserveSampleNames(of family: Family, at position: SourcePosition) throws(ExpositionError) {
        for sampleName in Self.sampleNames(of: family.name, type: family.effectiveType) {
            if let owner = sampleNameOwners[sampleName], owner != family.name {
                throw ExpositionError(
                    position: position, expected: "family names that do not clash",
                    found: "\"\(sampleName)\" of family \"\(family.name)\" clashing with family \"\(owner)\"")
            }
            sampleNameOwners[sampleName] = family.name
        }
    }

    /// The sample names a family of `type` may use.
    static func sampleNames(of name: String, type: MetricType) -> [String] {
        let suffixes: [String] =
            switch type {
            case .counter: ["_total", "_created"]
            case .gauge, .untyped, .stateset: [""]
            case .histogram: ["_bucket", "_count", "_sum", "_created"]
            case .gaugeHistogram: ["_bucket", "_gcount", "_gsum"]
            case .summary: ["", "_count", "_sum", "_created"]
            case .info: ["_info"]
            }
        return suffixes.map { name + $0 }
    }

    private mutating func closeFamily(at position: SourcePosition) throws(ExpositionError) {
        if let group, let family = current {
            try group.finish(family: family.name, type: family.effectiveType, at: position)
        }
        group = nil
        seenGroups = []
        current = nil
    }

    private mutating func observeSample(of parser: ExpositionParser, at position: SourcePosition)
        throws(ExpositionError)
    {
        let name = parser.metricName
        let continuesFamily = current.map { Self.sampleNames(of: $0.name, type: $0.effectiveType).contains(name) }
        if continuesFamily != true {
            try closeFamily(at: position)
            if let owner = sampleNameOwners[name], owner != name {
                throw ExpositionError(
                    position: position, expected: "the samples of family \"\(owner)\" together",
                    found: "\"\(name)\" after another family")
            }
            try startFamily(name, at: position)
        }
        guard var family = current else { return }
        family.hasSamples = true
        current = family
        let sample = SampleFacts(parser: parser, family: family.name, type: family.effectiveType, at: position)
        try sample.check()
        try observeGroup(of: sample, at: position)
    }

    private mutating func observeGroup(of sample: SampleFacts, at position: SourcePosition) throws(ExpositionError) {
        let key = sample.groupKey
        if var group, group.key == key {
            try group.observe(sample)
            self.group = group
            return
        }
        if let group, let family = current {
            try group.finish(family: family.name, type: family.effectiveType, at: position)
        }
        guard seenGroups.insert(key).inserted else {
            throw ExpositionError(
                position: position, expected: "the samples of each label set of family \"\(sample.family)\" together",
                found: "label set \(key.pairs.map { "\($0.name)=\"\($0.value)\"" }) again")
        }
        var group = LabelGroup(key: key, timestampMilliseconds: sample.timestampMilliseconds)
        try group.observe(sample)
        self.group = group
    }
}
