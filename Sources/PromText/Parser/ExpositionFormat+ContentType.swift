extension ExpositionFormat {
    /// The format to parse a scrape response with, chosen from its `Content-Type` as Prometheus 3 does.
    ///
    /// The media type is compared case-insensitively after Go's `mime.ParseMediaType` rules:
    /// `application/openmetrics-text` is OpenMetrics and `text/plain` is the text format 0.0.4, whatever their
    /// parameters. A missing, malformed or unsupported Content-Type (protobuf included) gives `nil`; the caller
    /// then fails the scrape, as Prometheus 3 does without a `fallback_scrape_protocol`.
    public init?(contentType: String) {
        guard let mediaType = MediaTypeParser.mediaType(of: Array(contentType.utf8)) else { return nil }
        switch mediaType {
        case Array("application/openmetrics-text".utf8): self = .openMetrics
        case Array("text/plain".utf8): self = .text
        default: return nil
        }
    }
}

/// The subset of Go's `mime.ParseMediaType` that decides whether a Content-Type is well formed.
enum MediaTypeParser {
    /// The lowercased `type/subtype`, or `nil` if the media type or one of its parameters is malformed.
    static func mediaType(of value: [UInt8]) -> [UInt8]? {
        let semicolon = value.firstIndex(of: UInt8(ascii: ";")) ?? value.endIndex
        let base = trimmingSpace(value[..<semicolon]).map { lowercased($0) }
        guard isValidMediaType(base), parametersAreValid(value[semicolon...]) else { return nil }
        return base
    }

    private static func isValidMediaType(_ base: [UInt8]) -> Bool {
        let parts = base.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isTokenByte) }) else { return false }
        return true
    }

    /// Checks `; name=value` pairs (token or quoted-string values); one trailing `;` is tolerated.
    private static func parametersAreValid(_ parameters: ArraySlice<UInt8>) -> Bool {
        var rest = trimmingLeadingSpace(parameters)
        var names: Set<[UInt8]> = []
        while let first = rest.first {
            guard first == UInt8(ascii: ";") else { return false }
            rest = trimmingLeadingSpace(rest.dropFirst())
            let name = rest.prefix(while: isTokenByte)
            if name.isEmpty { return rest.isEmpty }
            rest = trimmingLeadingSpace(rest.dropFirst(name.count))
            guard rest.first == UInt8(ascii: "=") else { return false }
            rest = trimmingLeadingSpace(rest.dropFirst())
            guard let afterValue = consumingValue(rest), names.insert(name.map(lowercased)).inserted else {
                return false
            }
            rest = trimmingLeadingSpace(afterValue)
        }
        return true
    }

    private static func consumingValue(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard text.first == UInt8(ascii: "\"") else {
            let token = text.prefix(while: isTokenByte)
            return token.isEmpty ? nil : text.dropFirst(token.count)
        }
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            switch text[index] {
            case UInt8(ascii: "\""): return text[(index + 1)...]
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return nil
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        return !"()<>@,;:\\\"/[]?=".utf8.contains(byte)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func trimmingLeadingSpace(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        text.drop(while: isSpace)
    }

    private static func trimmingSpace(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var trimmed = trimmingLeadingSpace(text)
        while let last = trimmed.last, isSpace(last) { trimmed = trimmed.dropLast() }
        return trimmed
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
