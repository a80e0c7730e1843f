/// The order in which the samples of one family are written: by series labels (client_golang's `metricSorter`:
/// fewer labels first, then label by label by name and value, compared as bytes), then by the sample's rank in
/// its series (buckets or value, `_sum`, `_count`, `_created`), then buckets and quantiles by their bound, then
/// in input order.
struct SeriesOrder {
    /// One sample's sort key: plain values only, so sorting moves no references.
    struct Entry {
        /// The sample's index in the family.
        var index: Int
        /// Its ``SampleRole/rank``.
        var rank: UInt8
        /// The numeric value of its `le`/`quantile` bound, when it has one that is a number.
        var boundValue: Double?
    }

    /// The samples in written order.
    private(set) var entries: [Entry] = []
    /// By sample index: the labels in written order (sorted by name, without the bound).
    private(set) var labels: [ArraySlice<Label>] = []
    /// By sample index: the `le`/`quantile` bound label, if the sample has one.
    private(set) var bounds: [Label?] = []

    /// Orders the samples of a family; already ordered input is only checked, not sorted.
    init(_ samples: [Sample], plan: FamilyPlan) {
        entries.reserveCapacity(samples.count)
        labels.reserveCapacity(samples.count)
        bounds.reserveCapacity(samples.count)
        for (index, sample) in samples.enumerated() {
            let role = plan.role(of: sample)
            let (sorted, bound) = SeriesOrder.canonicalLabels(sample.labels.pairs, bound: role.boundLabel)
            labels.append(sorted)
            bounds.append(bound)
            entries.append(Entry(index: index, rank: role.rank, boundValue: bound.flatMap { Double($0.value) }))
        }
        let labels = self.labels
        let isOrdered = zip(entries, entries.dropFirst()).allSatisfy { SeriesOrder.compare($0, $1, labels) <= 0 }
        if !isOrdered {
            entries.sort {
                let comparison = SeriesOrder.compare($0, $1, labels)
                return comparison != 0 ? comparison < 0 : $0.index < $1.index
            }
        }
    }

    /// The labels sorted by name without the bound label, and the bound label. Labels that are already sorted
    /// with the bound (if any) last are returned as a slice of the input, without copying.
    private static func canonicalLabels(_ pairs: [Label], bound boundName: String?) -> (ArraySlice<Label>, Label?) {
        var end = pairs.endIndex
        var bound: Label?
        if let boundName, let last = pairs.last, last.name == boundName {
            bound = last
            end -= 1
        }
        var isSorted = true
        var index = 1
        while isSorted && index < end {
            isSorted = ExpositionBytes.compare(pairs[index - 1].name, pairs[index].name) <= 0
            index += 1
        }
        let hasBoundElsewhere = boundName != nil && bound == nil && pairs.contains { $0.name == boundName }
        if isSorted && !hasBoundElsewhere {
            return (pairs[..<end], bound)
        }
        var others = pairs.filter { $0.name != boundName }
        bound = pairs.last(where: { $0.name == boundName })
        others.sort { ExpositionBytes.compare($0.name, $1.name) < 0 }
        return (others[...], bound)
    }

    private static func compare(_ lhs: Entry, _ rhs: Entry, _ labels: [ArraySlice<Label>]) -> Int {
        let comparison = compare(labels[lhs.index], labels[rhs.index])
        if comparison != 0 { return comparison }
        if lhs.rank != rhs.rank {
            return lhs.rank < rhs.rank ? -1 : 1
        }
        if let left = lhs.boundValue, let right = rhs.boundValue, left != right {
            return left < right ? -1 : 1
        }
        return 0
    }

    private static func compare(_ lhs: ArraySlice<Label>, _ rhs: ArraySlice<Label>) -> Int {
        if lhs.count != rhs.count {
            return lhs.count < rhs.count ? -1 : 1
        }
        var left = lhs.startIndex
        var right = rhs.startIndex
        while left < lhs.endIndex {
            if lhs[left].name != rhs[right].name {
                return ExpositionBytes.compare(lhs[left].name, rhs[right].name)
            }
            let values = ExpositionBytes.compare(lhs[left].value, rhs[right].value)
            if values != 0 { return values }
            left += 1
            right += 1
        }
        return 0
    }
}
