import PromText

/// Strict, field-typed decoding of YAML nodes, as Prometheus's strict YAML decoding behaves.
///
/// A value's meaning comes from the field that receives it: `10` is an integer for `sample_limit` and a string
/// for `job_name`. Mappings are read with a fixed set of field names; an unknown field is an error naming it.
/// Scalars are read as Go's yaml.v2 reads them into Go types:
/// - strings accept any non-null scalar's text (`job_name: 10` is `"10"`);
/// - booleans accept plain `true/false`, `yes/no`, `on/off`, `y/n` in their lower, title and upper case forms;
/// - integers accept plain decimal, `0x` hex, `0o`/leading-`0` octal and `0b` binary with optional sign and
///   `_` separators, and plain floats truncated toward zero (`1.9` is 1);
/// - a null value (`key:`, `~`, `null`) leaves a field at its default.
public struct YAMLDecoder: Sendable {
    /// The file errors are reported in.
    public var fileName: String

    /// Creates a decoder reporting errors in `fileName`.
    public init(fileName: String) {
        self.fileName = fileName
    }

    /// An error at `position` in this decoder's file.
    public func error(_ message: String, at position: SourcePosition) -> YAMLError {
        YAMLError(fileName: fileName, position: position, message: message)
    }

    /// Reads `node` as a mapping with the given fields.
    ///
    /// - Parameters:
    ///   - typeName: the Prometheus type name used in "field x not found in type T".
    ///   - known: the fields Tocsin reads.
    ///   - unsupported: fields Prometheus has that Tocsin does not implement; they are errors, never ignored.
    /// - Returns: the fields; a null node reads as an empty mapping.
    public func fields(
        of node: YAMLNode, type typeName: String, known: Set<String>, unsupported: Set<String> = []
    ) throws(YAMLError) -> YAMLFields {
        if node.isNull { return YAMLFields(mapping: YAMLMapping(), position: node.position) }
        guard case .mapping(let mapping) = node.content else {
            throw error("expected a mapping (\(typeName)), found \(node.kindDescription)", at: node.position)
        }
        for entry in mapping.entries where !known.contains(entry.key) {
            if unsupported.contains(entry.key) {
                throw error("field \(entry.key) is not supported by Tocsin", at: entry.keyPosition)
            }
            throw error("field \(entry.key) not found in type \(typeName)", at: entry.keyPosition)
        }
        return YAMLFields(mapping: mapping, position: node.position)
    }

    /// Reads any non-null scalar as its text; null reads as the empty string.
    public func string(_ node: YAMLNode) throws(YAMLError) -> String {
        guard let scalar = node.scalar else {
            throw error("expected a string, found \(node.kindDescription)", at: node.position)
        }
        return scalar.isNull ? "" : scalar.text
    }

    /// Reads a boolean as yaml.v2 does: only plain scalars, with YAML 1.1's spellings.
    public func bool(_ node: YAMLNode) throws(YAMLError) -> Bool {
        if let scalar = node.scalar, scalar.style == .plain {
            switch scalar.text {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE": return true
            case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE": return false
            default: break
            }
        }
        throw error("expected a boolean, found \(node.kindDescription)", at: node.position)
    }

    /// Reads a signed integer (Go `int`) as yaml.v2 does.
    public func int(_ node: YAMLNode) throws(YAMLError) -> Int {
        if let scalar = node.scalar, scalar.style == .plain, let value = GoYAMLNumber(scalar.text) {
            switch value {
            case .integer(let negative, let magnitude):
                if negative && magnitude <= UInt64(Int.max) + 1 { return magnitude == 0 ? 0 : -Int(magnitude - 1) - 1 }
                if !negative && magnitude <= UInt64(Int.max) { return Int(magnitude) }
            case .float(let float):
                if float >= -0x1p63 && float < 0x1p63 { return Int(float) }
            }
        }
        throw error("expected an integer, found \(node.kindDescription)", at: node.position)
    }

    /// Reads an unsigned integer (Go `uint`/`uint64`) as yaml.v2 does; negative values are errors.
    public func uint(_ node: YAMLNode) throws(YAMLError) -> UInt64 {
        if let scalar = node.scalar, scalar.style == .plain, let value = GoYAMLNumber(scalar.text) {
            switch value {
            case .integer(let negative, let magnitude):
                if !negative || magnitude == 0 { return magnitude }
            case .float(let float):
                if float >= 0 && float < 0x1p64 { return UInt64(float) }
            }
        }
        throw error("expected a non-negative integer, found \(node.kindDescription)", at: node.position)
    }

    /// Reads a Prometheus duration (`1h30m`, `500ms`, `0`).
    public func duration(_ node: YAMLNode) throws(YAMLError) -> PrometheusDuration {
        guard let scalar = node.scalar else {
            throw error("expected a duration, found \(node.kindDescription)", at: node.position)
        }
        do {
            return try PrometheusDuration(parsing: scalar.text)
        } catch {
            throw self.error(error.message, at: node.position)
        }
    }

    /// Reads a sequence's items; null reads as no items.
    public func sequence(_ node: YAMLNode) throws(YAMLError) -> [YAMLNode] {
        if node.isNull { return [] }
        guard case .sequence(let items) = node.content else {
            throw error("expected a list, found \(node.kindDescription)", at: node.position)
        }
        return items
    }

    /// Reads a mapping with arbitrary keys (such as `params`); null reads as an empty mapping.
    public func mapping(_ node: YAMLNode) throws(YAMLError) -> YAMLMapping {
        if node.isNull { return YAMLMapping() }
        guard case .mapping(let mapping) = node.content else {
            throw error("expected a mapping, found \(node.kindDescription)", at: node.position)
        }
        return mapping
    }

    /// Reads a list of strings.
    public func strings(_ node: YAMLNode) throws(YAMLError) -> [String] {
        var values: [String] = []
        for item in try sequence(node) { values.append(try string(item)) }
        return values
    }

    /// Reads a mapping of strings to strings (`labels`, `annotations`), keeping document order.
    public func stringMap(_ node: YAMLNode) throws(YAMLError) -> [YAMLStringEntry] {
        if node.isNull { return [] }
        guard case .mapping(let mapping) = node.content else {
            throw error("expected a mapping of strings, found \(node.kindDescription)", at: node.position)
        }
        var entries: [YAMLStringEntry] = []
        for entry in mapping.entries {
            entries.append(
                YAMLStringEntry(
                    key: entry.key, value: try string(entry.value), keyPosition: entry.keyPosition,
                    valuePosition: entry.value.position))
        }
        return entries
    }
}

/// The fields of one YAML mapping that was checked against a type's field names.
public struct YAMLFields: Sendable {
    /// The mapping (empty when the node was null).
    public let mapping: YAMLMapping
    /// Where the mapping starts.
    public let position: SourcePosition

    /// The value of `field`, or `nil` when the field is absent or null.
    public subscript(field: String) -> YAMLNode? {
        guard let value = mapping[field], !value.isNull else { return nil }
        return value
    }

    /// Where the key `field` is written, if present.
    public func keyPosition(_ field: String) -> SourcePosition? {
        mapping.entries.first(where: { $0.key == field })?.keyPosition
    }
}

/// One `key: value` pair of a string-to-string mapping, with positions for error messages.
public struct YAMLStringEntry: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value's text.
    public var value: String
    /// Where the key is written.
    public var keyPosition: SourcePosition
    /// Where the value is written.
    public var valuePosition: SourcePosition

    /// Creates an entry.
    public init(key: String, value: String, keyPosition: SourcePosition, valuePosition: SourcePosition) {
        self.key = key
        self.value = value
        self.keyPosition = keyPosition
        self.valuePosition = valuePosition
    }
}

/// A plain scalar resolved as a number the way Go's yaml.v2 resolves it.
enum GoYAMLNumber: Equatable {
    case integer(negative: Bool, magnitude: UInt64)
    case float(Double)

    /// Resolves `text`, or returns `nil` when yaml.v2 would not read it as a number.
    init?(_ text: String) {
        let digits = Array(text.utf8.filter { $0 != UInt8(ascii: "_") })
        if let integer = GoYAMLNumber.parseInteger(digits) {
            self = integer
        } else if GoYAMLNumber.isFloat(digits), let value = Double(String(decoding: digits, as: UTF8.self)) {
            self = .float(value)
        } else {
            return nil
        }
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` syntax: sign, then `0x`, `0o`, `0b`, leading-`0` octal or decimal.
    private static func parseInteger(_ bytes: [UInt8]) -> GoYAMLNumber? {
        var rest = bytes[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var radix: UInt64 = 10
        if rest.count > 1 && rest.first == UInt8(ascii: "0") {
            switch rest[rest.startIndex + 1] | 0x20 {
            case UInt8(ascii: "x"): (radix, rest) = (16, rest.dropFirst(2))
            case UInt8(ascii: "o"): (radix, rest) = (8, rest.dropFirst(2))
            case UInt8(ascii: "b"): (radix, rest) = (2, rest.dropFirst(2))
            default: (radix, rest) = (8, rest.dropFirst())
            }
        }
        guard !rest.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in rest {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow && !carry else { return nil }
            magnitude = sum
        }
        if negative && magnitude > UInt64(Int64.max) + 1 { return nil }
        return .integer(negative: negative, magnitude: magnitude)
    }

    /// yaml.v2's float syntax: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                _ = digits()
            }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}
