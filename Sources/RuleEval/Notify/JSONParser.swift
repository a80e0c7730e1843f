/// Decodes JSON text (RFC 8259) into ``JSONValue``; nesting is limited so hostile input cannot exhaust the stack.
public struct JSONParser {
    /// Why a JSON text could not be decoded, with the byte offset.
    public struct Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// What was expected.
        public var message: String
        /// Byte offset of the problem.
        public var offset: Int

        /// `offset N: message`.
        public var description: String { "offset \(offset): \(message)" }
    }

    private let bytes: [UInt8]
    private var offset = 0
    private static let maximumDepth = 128

    /// Decodes a whole document.
    public static func parse(_ bytes: [UInt8]) throws(Error) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.offset == bytes.count else { throw parser.error("end of input") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ expected: String) -> Error {
        Error(message: "expected \(expected)", offset: offset)
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    private mutating func value(depth: Int) throws(Error) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("less nesting") }
        skipWhitespace()
        guard offset < bytes.count else { throw error("a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            var members: [(String, JSONValue)] = []
            if take(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                skipWhitespace()
                let key = try string()
                guard take(UInt8(ascii: ":")) else { throw error("\":\"") }
                members.append((key, try value(depth: depth + 1)))
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { throw error("\",\" or \"}\"") }
            return .object(members)
        case UInt8(ascii: "["):
            offset += 1
            var elements: [JSONValue] = []
            if take(UInt8(ascii: "]")) { return .array(elements) }
            repeat { elements.append(try value(depth: depth + 1)) } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { throw error("\",\" or \"]\"") }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default:
            return try number()
        }
    }

    private mutating func literal(_ text: String, _ value: JSONValue) throws(Error) -> JSONValue {
        let expected = Array(text.utf8)
        guard offset + expected.count <= bytes.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw error(text)
        }
        offset += expected.count
        return value
    }

    /// A number as RFC 8259 spells it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func number() throws(Error) -> JSONValue {
        let start = offset
        func digits() -> Int {
            let first = offset
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            return offset - first
        }
        func skip(_ characters: String) -> Bool {
            guard offset < bytes.count, characters.utf8.contains(bytes[offset]) else { return false }
            offset += 1
            return true
        }
        _ = skip("-")
        let integerStart = offset
        let integerDigits = digits()
        var valid = integerDigits > 0 && (integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0"))
        if valid, skip(".") { valid = digits() > 0 }
        if valid, skip("eE") {
            _ = skip("+-")
            valid = digits() > 0
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard valid, let value = Double(text), value.isFinite else {
            offset = start
            throw error("a value")
        }
        return .number(value)
    }

    private mutating func string() throws(Error) -> String {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw error("a string") }
        offset += 1
        var scalars = String.UnicodeScalarView()
        var pending: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
            pending.removeAll()
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                guard offset < bytes.count else { throw error("an escape") }
                let escaped = bytes[offset]
                offset += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): pending.append(escaped)
                case UInt8(ascii: "b"): pending.append(0x08)
                case UInt8(ascii: "f"): pending.append(0x0C)
                case UInt8(ascii: "n"): pending.append(0x0A)
                case UInt8(ascii: "r"): pending.append(0x0D)
                case UInt8(ascii: "t"): pending.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), offset + 1 < bytes.count,
                        bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
                    {
                        offset += 2
                        let low = try hex4()
                        code =
                            (0xDC00..<0xE000).contains(low) ? 0x10000 + (code - 0xD800) << 10 + (low - 0xDC00) : 0xFFFD
                    }
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: throw error("a valid escape")
                }
            default:
                guard byte >= 0x20 else { throw error("no control characters in a string") }
                pending.append(byte)
            }
        }
        throw error("closing quote")
    }

    private mutating func hex4() throws(Error) -> UInt32 {
        guard offset + 4 <= bytes.count, bytes[offset..<offset + 4].allSatisfy({ $0.isHexDigit }),
            let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
        else { throw error("four hex digits") }
        offset += 4
        return value
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
