import PromText

/// The 64-bit identity of a label set, as `model.LabelSet.Fingerprint()` computes it in prometheus/common:
/// FNV-1a over the label names in byte order, each name and value followed by the separator byte `0xff`; the
/// empty set has the FNV offset basis. Printed as 16 lower-case hex digits, as Alertmanager shows it.
public struct LabelSetFingerprint: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The raw 64-bit value.
    public var value: UInt64

    /// Wraps a raw value.
    public init(value: UInt64) {
        self.value = value
    }

    /// The fingerprint of `labels` (order of the pairs does not matter).
    public init(of labels: Labels) {
        var hash: UInt64 = 14_695_981_039_346_656_037
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        for label in labels.pairs.sorted(by: { GoString.less($0.name, $1.name) }) {
            label.name.utf8.forEach(add)
            add(0xff)
            label.value.utf8.forEach(add)
            add(0xff)
        }
        self.value = hash
    }

    /// 16 lower-case hex digits (`model.Fingerprint.String()`).
    public var description: String { GoString.hex(value, digits: 16) }

    /// Orders by the raw value.
    public static func < (lhs: LabelSetFingerprint, rhs: LabelSetFingerprint) -> Bool { lhs.value < rhs.value }
}

extension Labels {
    /// The pairs sorted by label name bytes, as Go orders `model.LabelName`s.
    var byteSorted: Labels {
        Labels(pairs.sorted { GoString.less($0.name, $1.name) })
    }

    /// `model.LabelSet.String()`: `{name="value", ...}` with `%q` values, the pair texts sorted as strings.
    var goLabelSetText: String {
        let texts = pairs.map { $0.name + "=" + GoString.quoted($0.value) }.sorted(by: GoString.less)
        return "{" + texts.joined(separator: ", ") + "}"
    }

    /// The value of `name`, or `""` when absent (a Go map lookup).
    func value(of name: String) -> String { self[name] ?? "" }
}
