import Synchronization

/// The children of a labelled family, keyed by their label values and guarded by a mutex.
///
/// Not generic over the child type, so the table code is compiled once, specialised, inside this module; the
/// generic ``MetricVector`` only downcasts what it gets back.
final class LabelledChildren: Sendable {
    /// One child and the label values it was created for.
    typealias Entry = LabelledChildTable.Entry

    /// The family name, for precondition messages.
    private let familyName: String
    /// How many label values every lookup must give.
    private let labelCount: Int
    private let makeChild: @Sendable () -> any MetricChild
    private let table: Mutex<LabelledChildTable>

    /// Creates the table of a family with `labelCount` label names; an unlabelled family gets its single child
    /// right away, so it is exposed before the first update.
    init(familyName: String, labelCount: Int, makeChild: @escaping @Sendable () -> any MetricChild) {
        self.familyName = familyName
        self.labelCount = labelCount
        self.makeChild = makeChild
        table = Mutex(LabelledChildren.initialTable(labelCount: labelCount, makeChild: makeChild))
    }

    /// The child for `values`, created and stored if there was none.
    @inline(__always)
    func child(for values: some LabelValueList) -> any MetricChild {
        checkCount(of: values)
        let hash = values.fnvHash
        return table.withLock { table in
            if let child = table.child(for: values, hash: hash) {
                return child
            }
            let child = makeChild()
            table.insert(Entry(hash: hash, values: values.array, child: child))
            return child
        }
    }

    /// Removes the child for `values`; returns whether there was one.
    func remove(_ values: some LabelValueList) -> Bool {
        checkCount(of: values)
        let hash = values.fnvHash
        return table.withLock { $0.remove(values, hash: hash) }
    }

    /// Removes every child; an unlabelled family gets a fresh child at zero.
    func removeAll() {
        let fresh = LabelledChildren.initialTable(labelCount: labelCount, makeChild: makeChild)
        table.withLock { $0 = fresh }
    }

    /// Every entry, in no particular order.
    func entries() -> [Entry] {
        table.withLock { $0.entries }
    }

    /// Stops the process when a lookup gives the wrong number of label values (see ``MetricVector``).
    @inline(__always)
    private func checkCount(of values: some LabelValueList) {
        precondition(
            values.count == labelCount,
            "\(familyName) has \(labelCount) label names, got \(values.count) label values"
        )
    }

    private static func initialTable(labelCount: Int, makeChild: () -> any MetricChild) -> LabelledChildTable {
        var table = LabelledChildTable()
        if labelCount == 0 {
            let values: [String] = []
            table.insert(Entry(hash: values.fnvHash, values: values, child: makeChild()))
        }
        return table
    }
}
