extension ExpositionParser {
    /// The suffixes by which a sample name extends its family name, as Prometheus's metadata matching knows them.
    static let familySuffixes = ["_total", "_bucket", "_count", "_sum", "_created", "_gcount", "_gsum", "_info"]

    /// Parses a whole exposition into metric families.
    ///
    /// Families appear in the order their first line appears. A sample joins the family whose name equals its
    /// own, or else the family its name extends by one of ``familySuffixes`` (`_total`, `_bucket`, ...); a sample
    /// with neither starts a new family. A family without `# TYPE` is `.untyped`; repeated metadata keeps the
    /// last value, as Prometheus's metadata cache does. Comments are dropped.
    public static func parseFamilies(
        _ bytes: some Collection<UInt8>, format: ExpositionFormat, strictness: ExpositionStrictness = .prometheus
    ) throws(ExpositionError) -> [MetricFamily] {
        var parser = ExpositionParser(bytes: bytes, format: format, strictness: strictness)
        var families: [MetricFamily] = []
        var indexByName: [String: Int] = [:]
        var repeatedText = RepeatedTextCache()
        var previousSample: (name: String, family: Int)?
        func familyIndex(named name: String) -> Int {
            if let index = indexByName[name] { return index }
            families.append(MetricFamily(name: name, type: .untyped))
            indexByName[name] = families.count - 1
            return families.count - 1
        }
        while let entry = try parser.next() {
            switch entry {
            case .help:
                families[familyIndex(named: parser.metricName)].help = parser.help
                previousSample = nil
            case .type:
                families[familyIndex(named: parser.metricName)].type = parser.metricType
                previousSample = nil
            case .unit:
                families[familyIndex(named: parser.metricName)].unit = parser.unit
                previousSample = nil
            case .comment: break
            case .sample:
                let sample = repeatedText.sample(of: parser)
                if let previous = previousSample, previous.name == sample.name {
                    families[previous.family].samples.append(sample)
                    continue
                }
                let family =
                    indexByName[sample.name]
                    ?? familySuffixes.lazy.compactMap { suffix in
                        sample.name.hasUTF8Suffix(suffix)
                            ? indexByName[String(sample.name.dropLast(suffix.count))] : nil
                    }.first
                    ?? familyIndex(named: sample.name)
                families[family].samples.append(sample)
                previousSample = (sample.name, family)
            }
        }
        return families
    }
}
