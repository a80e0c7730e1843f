import PromText

/// A kernel text file (`/proc/stat`, `/proc/diskstats`, ...) split into lines of whitespace-separated fields,
/// each field remembering its byte offset so parse errors can name the exact line and column.
public struct ProcText: Sendable {
    /// The file's bytes.
    public let bytes: [UInt8]
    /// The name used in error messages (a path, or a fixture name).
    public let file: String

    /// Wraps bytes read from `file`.
    public init(_ bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Wraps a string (used by tests and fixtures).
    public init(_ text: String, file: String) {
        self.init(Array(text.utf8), file: file)
    }

    /// The non-empty lines, each split on spaces and tabs.
    public var lines: [ProcLine] { lines(fieldLimit: .max) }

    /// The non-empty lines, each split on spaces and tabs into at most `fieldLimit` fields: the rest of a longer
    /// line is left out (the `intr` line of `/proc/stat` has hundreds of fields a parser may not need).
    public func lines(fieldLimit: Int) -> [ProcLine] {
        var lines: [ProcLine] = []
        var fields: [ProcField] = []
        var fieldStart: Int?
        var lineStart = 0
        for (index, byte) in bytes.enumerated() {
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            let isNewline = byte == UInt8(ascii: "\n")
            if isSpace || isNewline {
                if let start = fieldStart {
                    if fields.count < fieldLimit { fields.append(ProcField(text: self, range: start..<index)) }
                    fieldStart = nil
                }
                if isNewline {
                    if !fields.isEmpty { lines.append(ProcLine(text: self, offset: lineStart, fields: fields)) }
                    fields.removeAll(keepingCapacity: true)
                    lineStart = index + 1
                }
            } else if fieldStart == nil {
                fieldStart = index
            }
        }
        if let start = fieldStart, fields.count < fieldLimit {
            fields.append(ProcField(text: self, range: start..<bytes.count))
        }
        if !fields.isEmpty { lines.append(ProcLine(text: self, offset: lineStart, fields: fields)) }
        return lines
    }

    /// The error for `found` at byte `offset` when `expected` was wanted.
    func error(at offset: Int, expected: String, found: String) -> CollectorError {
        .malformed(file: file, position: SourcePosition(offset: offset, in: bytes), expected: expected, found: found)
    }
}

/// One line of a ``ProcText``: its fields and where it starts.
public struct ProcLine: Sendable {
    let text: ProcText
    /// Byte offset of the line's first byte.
    public let offset: Int
    /// The whitespace-separated fields; never empty.
    public let fields: [ProcField]

    /// The field at `index`, or an error naming the end of the line when the line is shorter.
    public func field(_ index: Int, expected: String) throws(CollectorError) -> ProcField {
        guard index < fields.count else {
            let end = fields.last.map { $0.range.upperBound } ?? offset
            throw text.error(at: end, expected: expected, found: "end of line")
        }
        return fields[index]
    }

    /// Throws unless the line has at least `count` fields.
    public func require(fields count: Int, expected: String) throws(CollectorError) {
        _ = try field(count - 1, expected: expected)
    }
}

/// One whitespace-separated field of a ``ProcLine``.
public struct ProcField: Sendable {
    let text: ProcText
    /// The field's byte range in the file.
    public let range: Range<Int>

    /// The field's text.
    public var string: String {
        String(decoding: text.bytes[range], as: UTF8.self)
    }

    /// The field as a floating-point number (decimal integers included), or a positioned error.
    public func double() throws(CollectorError) -> Double {
        if let value = shortDecimalInteger() { return value }
        guard let value = Double(string) else { throw error(expected: "a number") }
        return value
    }

    /// The field's value when it is only decimal digits, at most 15 of them (most kernel counters), without
    /// making a `String`: such integers are exact in a `Double`, so this is what `Double(string)` returns.
    private func shortDecimalInteger() -> Double? {
        guard !range.isEmpty, range.count <= 15 else { return nil }
        var value: UInt64 = 0
        for byte in text.bytes[range] {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + UInt64(digit)
        }
        return Double(value)
    }

    /// The field as an unsigned decimal integer, or a positioned error.
    public func unsigned() throws(CollectorError) -> UInt64 {
        guard let value = UInt64(string) else { throw error(expected: "an unsigned integer") }
        return value
    }

    /// The error "expected `expected`, found this field".
    public func error(expected: String) -> CollectorError {
        text.error(at: range.lowerBound, expected: expected, found: "\"\(string)\"")
    }
}
