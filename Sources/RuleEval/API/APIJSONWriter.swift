import Exporter
import PromText

/// Builds a JSON body byte by byte in the exact layout Prometheus's API writes: fields in struct order, no
/// spaces, timestamps as `jsonutil.MarshalTimestamp` and sample values as `jsonutil.MarshalFloat`.
///
/// Commas are inserted automatically: a value or key written right after `{`, `[` or `:` gets none, any other
/// gets one.
struct APIJSONWriter {
    /// The body written so far.
    private(set) var bytes: [UInt8] = []

    /// Appends `text` as is (literal punctuation, `true`, `null`, ...), after a comma when one is needed.
    mutating func raw(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes `"name":`.
    mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes a JSON string.
    mutating func string(_ value: String) {
        separate()
        JSONText.appendQuoted(value, to: &bytes)
    }

    /// Writes `{`, the fields `body` writes, and `}`.
    mutating func object(_ body: (inout APIJSONWriter) -> Void) {
        raw("{")
        body(&self)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes `[`, one element per item, and `]`.
    mutating func array<Items: Sequence>(_ items: Items, _ element: (inout APIJSONWriter, Items.Element) -> Void) {
        raw("[")
        for item in items { element(&self, item) }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a label set as an object with the names in byte order (Go marshals maps with sorted keys).
    mutating func labels(_ labels: Labels) {
        let sorted = labels.sorted { GoString.less($0.name, $1.name) }
        object { writer in
            for label in sorted {
                writer.key(label.name)
                writer.string(label.value)
            }
        }
    }

    /// Writes a string map as an object with sorted keys.
    mutating func stringMap(_ map: [String: String]) {
        object { writer in
            for (name, value) in map.sorted(by: { GoString.less($0.key, $1.key) }) {
                writer.key(name)
                writer.string(value)
            }
        }
    }

    /// Writes milliseconds as Unix seconds with up to three fractional digits, exactly as
    /// `jsonutil.MarshalTimestamp` does (`1435781451.781`, `1435781451.1` is written `1435781451.100`).
    mutating func timestamp(_ milliseconds: Int64) {
        separate()
        if milliseconds < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = milliseconds.magnitude
        GoFloat.appendInteger(magnitude / 1000, to: &bytes)
        let fraction = magnitude % 1000
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        if fraction < 100 { bytes.append(UInt8(ascii: "0")) }
        if fraction < 10 { bytes.append(UInt8(ascii: "0")) }
        GoFloat.appendInteger(fraction, to: &bytes)
    }

    /// Writes a sample value as a quoted string, as `jsonutil.MarshalFloat` does (`"1"`, `"NaN"`, `"+Inf"`,
    /// `"1e-07"`).
    mutating func sampleValue(_ value: Double) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        GoFloat.appendJSON(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `[<timestamp>,"<value>"]`, one point of a vector, matrix or scalar result.
    mutating func point(_ milliseconds: Int64, _ value: Double) {
        raw("[")
        timestamp(milliseconds)
        sampleValue(value)
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `[<timestamp>,"<text>"]`, the result of a string query.
    mutating func point(_ milliseconds: Int64, _ text: String) {
        raw("[")
        timestamp(milliseconds)
        string(text)
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a float as a JSON number the way Go's `encoding/json` does: shortest `'f'` digits, or `'e'` with
    /// the exponent's leading zero removed below 1e-6 and from 1e21 (`1e-7`, `1e+21`). Non-finite values, which
    /// Go refuses to encode, are written as 0.
    mutating func number(_ value: Double) {
        separate()
        guard value.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var text: [UInt8] = []
        GoFloat.appendJSON(value, to: &text)
        let count = text.count
        if count >= 4, text[count - 4] == UInt8(ascii: "e"), text[count - 3] == UInt8(ascii: "-"),
            text[count - 2] == UInt8(ascii: "0")
        {
            text.remove(at: count - 2)
        }
        bytes.append(contentsOf: text)
    }

    /// Writes an integer.
    mutating func integer(_ value: Int64) {
        separate()
        GoFloat.appendInteger(value, to: &bytes)
    }

    /// Writes a time as Go's `time.Time` JSON (RFC 3339 with trailing fractional zeros dropped, UTC); `nil` is
    /// Go's zero time.
    mutating func time(_ milliseconds: Int64?) {
        string(milliseconds.map { RFC3339Time.rfc3339Nano(milliseconds: $0) } ?? RFC3339Time.zeroTimeText)
    }

    /// Appends the value another writer produced.
    mutating func append(_ value: APIJSONWriter) {
        separate()
        bytes.append(contentsOf: value.bytes)
    }

    private mutating func separate() {
        guard let last = bytes.last else { return }
        if last != UInt8(ascii: "{") && last != UInt8(ascii: "[") && last != UInt8(ascii: ":") {
            bytes.append(UInt8(ascii: ","))
        }
    }
}
