/// The lookup table behind ``LabelledChildren``: the entries in a dense array plus an open-addressing index of
/// their positions, probed linearly from the FNV-1a hash of the label values.
///
/// A lookup hashes the values once and compares candidates by stored hash, then by value; it neither allocates
/// nor rehashes with SipHash as a `Dictionary` would. Removal is rare, so it rebuilds the index.
struct LabelledChildTable {
    /// One child, the label values it was created for and their hash.
    struct Entry: Sendable {
        let hash: UInt64
        let values: [String]
        let child: any MetricChild
    }

    /// Marks a free index slot.
    private static let emptySlot: Int32 = -1

    private(set) var entries: [Entry] = []
    /// Positions in `entries`, or `emptySlot`; the count is a power of two, at least twice the entry count.
    private var slots: [Int32] = Array(repeating: LabelledChildTable.emptySlot, count: 8)

    /// The child stored for `values` (whose hash is `hash`), or `nil`.
    @inline(__always)
    func child(for values: some LabelValueList, hash: UInt64) -> (any MetricChild)? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let position = slots[slot]
            if position == Self.emptySlot { return nil }
            let entry = entries[Int(position)]
            if entry.hash == hash && values.matches(entry.values) { return entry.child }
            slot = (slot + 1) & mask
        }
    }

    /// Stores a child for values that have none yet.
    mutating func insert(_ entry: Entry) {
        entries.append(entry)
        if entries.count * 2 > slots.count {
            rebuildIndex(slotCount: slots.count * 2)
        } else {
            index(position: entries.count - 1)
        }
    }

    /// Removes the child for `values`; returns whether there was one.
    mutating func remove(_ values: some LabelValueList, hash: UInt64) -> Bool {
        guard let position = entries.firstIndex(where: { $0.hash == hash && values.matches($0.values) }) else {
            return false
        }
        entries.remove(at: position)
        rebuildIndex(slotCount: slots.count)
        return true
    }

    private mutating func rebuildIndex(slotCount: Int) {
        slots = Array(repeating: Self.emptySlot, count: slotCount)
        for position in entries.indices {
            index(position: position)
        }
    }

    private mutating func index(position: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[position].hash) & mask
        while slots[slot] != Self.emptySlot {
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(position)
    }
}
