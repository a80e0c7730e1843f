/// The label values of one lookup in a labelled family, in label-name order, without requiring an array: the
/// fixed-arity lookups pass small structs so a hot lookup does not allocate.
protocol LabelValueList {
    /// The number of values.
    var count: Int { get }
    /// The value at `index`.
    subscript(index: Int) -> String { get }
}

extension Array: LabelValueList where Element == String {}

/// One label value.
struct SingleLabelValue: LabelValueList {
    let value: String

    var count: Int { 1 }

    subscript(index: Int) -> String { value }
}

/// Two label values.
struct LabelValuePair: LabelValueList {
    let first: String
    let second: String

    var count: Int { 2 }

    subscript(index: Int) -> String { index == 0 ? first : second }
}

/// Three label values.
struct LabelValueTriple: LabelValueList {
    let first: String
    let second: String
    let third: String

    var count: Int { 3 }

    subscript(index: Int) -> String { index == 0 ? first : index == 1 ? second : third }
}

extension LabelValueList {
    /// The values as an array, for storing a new child's key.
    var array: [String] {
        (0..<count).map { self[$0] }
    }

    /// Whether these values equal `values` one by one.
    func matches(_ values: [String]) -> Bool {
        guard values.count == count else { return false }
        for index in 0..<count where values[index] != self[index] {
            return false
        }
        return true
    }

    /// The 64-bit FNV-1a hash of the values' UTF-8 bytes, each value followed by the byte 0xFF (which UTF-8 never
    /// contains) so that `("ab", "c")` and `("a", "bc")` differ. Much cheaper than SipHash for short values;
    /// collisions are resolved by comparing the values, as client_golang does with the same hash.
    var fnvHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<count {
            for byte in self[index].utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
