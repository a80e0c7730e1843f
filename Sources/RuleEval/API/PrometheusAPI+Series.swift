import PromText

extension PrometheusAPI {
    /// `/api/v1/series`: the label sets of the series matching any `match[]` with samples in `[start, end]`.
    func series(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        guard parameters.values.contains("match[]") else {
            throw PrometheusAPIError(.badData, "no match[] parameter provided")
        }
        let (start, end) = try Self.timeRange(parameters)
        let limit = try Self.limit(parameters)
        let matcherSets: [[LabelMatcher]]
        do {
            matcherSets = try parameters.matcherSets()
        } catch {
            throw .invalidParameter("match[]", error.message)
        }
        let found = selectedSeries(matcherSets, start: start, end: end).sorted { Labels.compare($0, $1) < 0 }
        let (shown, warnings) = Self.truncating(found, to: limit)
        return APIResult(warnings: warnings) { writer in
            writer.array(shown) { $0.labels($1) }
        }
    }

    /// `/api/v1/labels`: every label name, or those of the series matching any `match[]`, sorted.
    func labelNames(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        let (start, end) = try Self.timeRange(parameters)
        let limit = try Self.limit(parameters)
        let matcherSets = try parameters.matcherSets()
        let names: [String]
        if matcherSets.isEmpty {
            names = source.engine.store.labelNames()
        } else {
            names = Array(Set(selectedSeries(matcherSets, start: start, end: end).flatMap { $0.map(\.name) }))
        }
        return Self.stringList(names, limit: limit)
    }

    /// `/api/v1/label/<name>/values`: every value of label `name`, or its values on the series matching any
    /// `match[]`, sorted.
    func labelValues(_ name: String, _ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        guard !name.isEmpty else {
            throw PrometheusAPIError(.badData, "invalid label name: \(GoString.quoted(name))")
        }
        let (start, end) = try Self.timeRange(parameters)
        let limit = try Self.limit(parameters)
        let matcherSets = try parameters.matcherSets()
        let values: [String]
        if matcherSets.isEmpty {
            values = source.engine.store.labelValues(name)
        } else {
            values = Array(Set(selectedSeries(matcherSets, start: start, end: end).compactMap { $0[name] }))
        }
        return Self.stringList(values, limit: limit)
    }

    /// `/api/v1/metadata`: the evaluator keeps no metric metadata, so the map is always empty.
    func metadata(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> APIResult {
        _ = try Self.limit(parameters)
        return APIResult { $0.raw("{}") }
    }

    /// The distinct label sets of the series matching any of `matcherSets` with a sample in `[start, end]`.
    private func selectedSeries(_ matcherSets: [[LabelMatcher]], start: Int64, end: Int64) -> Set<Labels> {
        var found = Set<Labels>()
        for matchers in matcherSets {
            for series in source.engine.store.select(matchers, after: start - 1, through: end) {
                found.insert(series.labels)
            }
        }
        return found
    }

    /// The optional `start` and `end` (the whole time range when absent).
    private static func timeRange(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> (Int64, Int64) {
        (
            try parameters.time("start", default: APIRequestParameters.minimumTime),
            try parameters.time("end", default: APIRequestParameters.maximumTime)
        )
    }

    /// Prometheus's `parseLimitParam`: the optional `limit`, 0 meaning none.
    private static func limit(_ parameters: APIRequestParameters) throws(PrometheusAPIError) -> Int {
        let text = parameters["limit"]
        if text.isEmpty { return 0 }
        guard let limit = Int(text) else {
            throw .invalidParameter("limit", "cannot parse \(GoString.quoted(text)) to a valid limit")
        }
        guard limit >= 0 else { throw .invalidParameter("limit", "limit must be non-negative") }
        return limit
    }

    /// The first `limit` items (all when `limit` is 0), with Prometheus's warning when some were cut.
    private static func truncating<Item>(_ items: [Item], to limit: Int) -> ([Item], [String]) {
        guard limit > 0, items.count > limit else { return (items, []) }
        return (Array(items.prefix(limit)), ["results truncated due to limit"])
    }

    /// A sorted list of strings (label names or values) as the `data` array.
    private static func stringList(_ strings: [String], limit: Int) -> APIResult {
        let (shown, warnings) = truncating(strings.sorted(by: GoString.less), to: limit)
        return APIResult(warnings: warnings) { writer in
            writer.array(shown) { $0.string($1) }
        }
    }
}
