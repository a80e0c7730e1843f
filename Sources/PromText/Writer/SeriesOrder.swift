/// The order in which the samples of one family are written: by series labels (client_golang's `metricSorter`:
/// fewer labels first, then label by label by name and value, compared as bytes), then by the sample's rank in
/// its series (buckets or value, `_sum`, `_count`, `_created`), then buckets and quantiles by their bound, then
/// in input order.
enum SeriesOrder {
    /// One sample ready to write: its index in the family, its labels in written order (sorted by name, without
    /// the `le`/`quantile` bound), the bound and its numeric value (when it is a number), and its role.
    struct Entry {
        var index: Int
        var labels: ArraySlice<Label>
        var bound: Label?
        var boundValue: Double?
        var role: SampleRole
    }

    /// The samples of a family as entries in written order; already ordered input is only checked, not sorted.
    static func entries(of samples: [Sample], plan: FamilyPlan) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(samples.count)
        for (index, sample) in samples.enumerated() {
            let role = plan.role(of: sample)
            let (labels, bound) = canonicalLabels(sample.labels.pairs, bound: role.boundLabel)
            let boundValue = bound.flatMap { Double($0.value) }
            entries.append(Entry(index: index, labels: labels, bound: bound, boundValue: boundValue, role: role))
        }
        let isOrdered = zip(entries, entries.dropFirst()).allSatisfy { compare($0, $1) <= 0 }
        if !isOrdered {
            entries.sort {
                let comparison = compare($0, $1)
                return comparison != 0 ? comparison < 0 : $0.index < $1.index
            }
        }
        return entries
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
        let isSorted = zip(pairs[..<end], pairs[..<end].dropFirst()).allSatisfy {
            ExpositionBytes.compare($0.name, $1.name) <= 0
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

    private static func compare(_ lhs: Entry, _ rhs: Entry) -> Int {
        if lhs.labels.count != rhs.labels.count {
            return lhs.labels.count < rhs.labels.count ? -1 : 1
        }
        for (left, right) in zip(lhs.labels, rhs.labels) {
            let names = ExpositionBytes.compare(left.name, right.name)
            if names != 0 { return names }
            let values = ExpositionBytes.compare(left.value, right.value)
            if values != 0 { return values }
        }
        if lhs.role.rank != rhs.role.rank {
            return lhs.role.rank < rhs.role.rank ? -1 : 1
        }
        if let left = lhs.boundValue, let right = rhs.boundValue, left != right {
            return left < right ? -1 : 1
        }
        return 0
    }
}
