import Synchronization

/// The children of a labelled family, keyed by their label values and guarded by a mutex.
///
/// Not generic over the child type, so the table code is compiled once, specialised, inside this module; the
/// generic ``MetricVector`` only downcasts what it gets back. Entries are bucketed by the FNV-1a hash of their
/// values and confirmed by comparing the values.
final class LabelledChildren: Sendable {
    /// One child and the label values it was created for.
    struct Entry: Sendable {
        let values: [String]
        let child: any MetricChild
    }

    /// The family name, for precondition messages.
    private let familyName: String
    /// How many label values every lookup must give.
    private let labelCount: Int
    private let makeChild: @Sendable () -> any MetricChild
    private let buckets: Mutex<[UInt64: [Entry]]>

    /// Creates the table of a family with `labelCount` label names; an unlabelled family gets its single child
    /// right away, so it is exposed before the first update.
    init(familyName: String, labelCount: Int, makeChild: @escaping @Sendable () -> any MetricChild) {
        self.familyName = familyName
        self.labelCount = labelCount
        self.makeChild = makeChild
        buckets = Mutex(LabelledChildren.initialBuckets(labelCount: labelCount, makeChild: makeChild))
    }

    /// The child for `values`, created and stored if there was none.
    @inline(__always)
    func child(for values: some LabelValueList) -> any MetricChild {
        checkCount(of: values)
        let hash = values.fnvHash
        return buckets.withLock { buckets in
            if let entries = buckets[hash] {
                for entry in entries where values.matches(entry.values) {
                    return entry.child
                }
            }
            let child = makeChild()
            buckets[hash, default: []].append(Entry(values: values.array, child: child))
            return child
        }
    }

    /// Removes the child for `values`; returns whether there was one.
    func remove(_ values: some LabelValueList) -> Bool {
        checkCount(of: values)
        let hash = values.fnvHash
        return buckets.withLock { buckets in
            guard let index = buckets[hash]?.firstIndex(where: { values.matches($0.values) }) else { return false }
            buckets[hash]?.remove(at: index)
            if buckets[hash]?.isEmpty == true {
                buckets[hash] = nil
            }
            return true
        }
    }

    /// Removes every child; an unlabelled family gets a fresh child at zero.
    func removeAll() {
        let fresh = LabelledChildren.initialBuckets(labelCount: labelCount, makeChild: makeChild)
        buckets.withLock { $0 = fresh }
    }

    /// Every entry, in no particular order.
    func entries() -> [Entry] {
        buckets.withLock { $0.values.flatMap { $0 } }
    }

    /// Stops the process when a lookup gives the wrong number of label values (see ``MetricVector``).
    @inline(__always)
    private func checkCount(of values: some LabelValueList) {
        precondition(
            values.count == labelCount,
            "\(familyName) has \(labelCount) label names, got \(values.count) label values"
        )
    }

    private static func initialBuckets(
        labelCount: Int,
        makeChild: () -> any MetricChild
    ) -> [UInt64: [Entry]] {
        guard labelCount == 0 else { return [:] }
        let values: [String] = []
        return [values.fnvHash: [Entry(values: values, child: makeChild())]]
    }
}
