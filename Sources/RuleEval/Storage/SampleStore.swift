import PromText
import Synchronization

/// The in-memory time-series store: series keyed by their label set, an inverted index from label name and value
/// to series, and compressed samples.
///
/// Appends and selections are safe from any thread. Selection uses the index so `=`, `=~` and friends do not scan
/// every series; regex matchers run once per distinct label value, not once per series.
public final class SampleStore: Sendable {
    private struct State {
        var series: [Int32: MemorySeries] = [:]
        var identifiers: [Labels: Int32] = [:]
        /// label name → label value → ascending series identifiers.
        var postings: [String: [String: [Int32]]] = [:]
        var nextIdentifier: Int32 = 0
    }

    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    /// Appends one sample to the series named by `labels` (which must include `__name__`), creating the series
    /// on first use.
    ///
    /// Labels already in order are kept as given, so the store shares their storage with the caller (the scrape
    /// loop keeps the same label set of every series it scrapes).
    public func append(_ labels: Labels, timestamp: Int64, value: Double) throws(AppendError) {
        let sorted = Self.inOrder(labels)
        try Self.validate(sorted)
        try state.withLock { (state: inout State) throws(AppendError) in
            let identifier: Int32
            if let existing = state.identifiers[sorted] {
                identifier = existing
            } else {
                identifier = state.nextIdentifier
                state.nextIdentifier += 1
                state.identifiers[sorted] = identifier
                state.series[identifier] = MemorySeries(labels: sorted)
                for label in sorted where !label.value.isEmpty {
                    state.postings[label.name, default: [:]][label.value, default: []].append(identifier)
                }
            }
            try state.series[identifier]?.append(timestamp: timestamp, value: value)
        }
    }

    /// The series matching every matcher, with their samples in `(after, through]`; series with no sample there
    /// are left out.
    public func select(_ matchers: [LabelMatcher], after minimum: Int64, through maximum: Int64) -> [SeriesSamples] {
        state.withLock { state in
            Self.candidates(matchers, in: state).compactMap { identifier in
                guard let series = state.series[identifier] else { return nil }
                var timestamps: [Int64] = []
                var values: [Double] = []
                series.forEachSample(after: minimum, through: maximum) { timestamp, value in
                    timestamps.append(timestamp)
                    values.append(value)
                }
                guard !timestamps.isEmpty else { return nil }
                return SeriesSamples(labels: series.labels, timestamps: timestamps, values: values)
            }
        }
    }

    /// Every label name in the store, sorted.
    public func labelNames() -> [String] {
        state.withLock { $0.postings.keys.sorted() }
    }

    /// Every value of label `name` in the store, sorted.
    public func labelValues(_ name: String) -> [String] {
        state.withLock { ($0.postings[name]?.keys).map { $0.sorted() } ?? [] }
    }

    /// Drops samples at or before `cutoff` (whole chunks at a time) and series left with no samples.
    public func trim(through cutoff: Int64) {
        state.withLock { state in
            var removed: [Int32] = []
            for identifier in Array(state.series.keys) {
                if state.series[identifier]?.dropChunks(endingAtOrBefore: cutoff) == true { removed.append(identifier) }
            }
            guard !removed.isEmpty else { return }
            let removedSet = Set(removed)
            for identifier in removed {
                if let series = state.series.removeValue(forKey: identifier) {
                    state.identifiers.removeValue(forKey: series.labels)
                }
            }
            for (name, values) in state.postings {
                var kept: [String: [Int32]] = [:]
                for (value, identifiers) in values {
                    let remaining = identifiers.filter { !removedSet.contains($0) }
                    if !remaining.isEmpty { kept[value] = remaining }
                }
                state.postings[name] = kept.isEmpty ? nil : kept
            }
        }
    }

    /// Series count, sample count and bytes of sample data, for self-metrics and benchmarks.
    public func statistics() -> (series: Int, samples: Int, sampleBytes: Int) {
        state.withLock { state in
            state.series.values.reduce((state.series.count, 0, 0)) { totals, series in
                (totals.0, totals.1 + series.sampleCount, totals.2 + series.sampleBytes)
            }
        }
    }

    /// `labels` sorted by name: the same storage when they already are, a sorted copy otherwise.
    private static func inOrder(_ labels: Labels) -> Labels {
        let isSorted = labels.indices.dropFirst().allSatisfy { !(labels[$0] < labels[$0 - 1]) }
        return isSorted ? labels : labels.sorted()
    }

    private static func validate(_ sorted: Labels) throws(AppendError) {
        guard let name = sorted["__name__"], !name.isEmpty else { throw .invalidLabels("missing metric name") }
        for index in sorted.indices.dropFirst() where sorted[index].name == sorted[index - 1].name {
            throw .invalidLabels("label name \"\(sorted[index].name)\" is not unique")
        }
    }

    /// Series satisfying all matchers: the index narrows by every matcher that rejects the empty value, the rest
    /// filter the narrowed set.
    private static func candidates(_ matchers: [LabelMatcher], in state: State) -> [Int32] {
        var narrowed: [Int32]?
        var filters: [LabelMatcher] = []
        for matcher in matchers {
            if matcher.matches("") {
                filters.append(matcher)
                continue
            }
            let values = state.postings[matcher.name] ?? [:]
            let hits: [Int32]
            if matcher.type == .equal {
                hits = values[matcher.value] ?? []
            } else {
                hits = values.filter { matcher.matches($0.key) }.flatMap(\.value).sorted()
            }
            narrowed = narrowed.map { intersect($0, hits) } ?? hits
            if narrowed?.isEmpty == true { return [] }
        }
        let base = narrowed ?? state.series.keys.sorted()
        guard !filters.isEmpty else { return base }
        return base.filter { identifier in
            guard let labels = state.series[identifier]?.labels else { return false }
            return filters.allSatisfy { $0.matches(labels[$0.name] ?? "") }
        }
    }

    /// The intersection of two ascending identifier lists.
    private static func intersect(_ left: [Int32], _ right: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var leftIndex = 0
        var rightIndex = 0
        while leftIndex < left.count && rightIndex < right.count {
            if left[leftIndex] < right[rightIndex] {
                leftIndex += 1
            } else if left[leftIndex] > right[rightIndex] {
                rightIndex += 1
            } else {
                result.append(left[leftIndex])
                leftIndex += 1
                rightIndex += 1
            }
        }
        return result
    }
}
