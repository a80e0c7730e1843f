import PromText

/// A small JSON document model for Notify's payloads and silence persistence.
///
/// Encoding follows Go's `encoding/json` byte for byte for the values used here: object members in the order
/// given (build Go maps with ``object(sortingKeys:)``), strings escaped with `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
/// `\u00XX` for other control bytes, and the HTML-safe `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`.
/// Decoding is in ``JSONParser``.
public enum JSONValue: Sendable, Hashable {
    /// `null`
    case null
    /// `true` / `false`
    case bool(Bool)
    /// A number; integers up to 2^53 round-trip exactly.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in order.
    case object([(String, JSONValue)])

    /// An object with the members sorted by key bytes, as Go encodes a `map[string]...`.
    public static func object(sortingKeys members: [String: JSONValue]) -> JSONValue {
        .object(members.sorted { GoString.less($0.key, $1.key) })
    }

    /// The member called `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The string, if this is one.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// The UTF-8 encoding, compact, without a trailing newline.
    public var encoded: [UInt8] {
        var output: [UInt8] = []
        encode(into: &output)
        return output
    }

    /// Appends the compact encoding to `output`.
    public func encode(into output: inout [UInt8]) {
        switch self {
        case .null: output += Array("null".utf8)
        case .bool(let value): output += Array((value ? "true" : "false").utf8)
        case .number(let value): output += Array(Self.numberText(value).utf8)
        case .string(let value): Self.encodeString(value, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.encode(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.encodeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                value.encode(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Equal when the same kind with equal contents (object members compared in order).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.encoded == rhs.encoded
    }

    /// Hashes the encoding.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(encoded)
    }

    /// Integers print without a fraction; other finite numbers as Swift's shortest round-trip text (JSON has no
    /// NaN or infinity: those print as `null`).
    private static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    private static func encodeString(_ text: String, into output: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case "\\": output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case "\u{08}": output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case "\u{0C}": output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case "\n": output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case "\r": output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case "\t": output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += Array("\\u".utf8)
                for shift in [12, 8, 4, 0] { output.append(hexDigits[Int(scalar.value >> UInt32(shift)) & 0xf]) }
            default:
                if scalar.value < 0x20 {
                    output +=
                        Array("\\u00".utf8) + [hexDigits[Int(scalar.value >> 4)], hexDigits[Int(scalar.value & 0xf)]]
                } else {
                    output += Array(String(scalar).utf8)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
