import PromText

/// Tocsin's own parser for the subset of YAML 1.2 that Prometheus configuration and rule files use.
///
/// Supported:
/// - one document, optionally opened by `---` and closed by `...`;
/// - block mappings (`key: value`) and block sequences (`- item`), including sequences written at the same
///   indentation as their parent key and compact mappings inside sequence entries (`- name: x`);
/// - flow sequences `[a, b]` and flow mappings `{k: v}`, nested and spanning lines, with trailing commas;
/// - plain scalars, with multi-line plain scalars folded as YAML 1.2 specifies (a single line break becomes a
///   space, each empty line a line feed);
/// - single-quoted scalars (`''` is a quote) and double-quoted scalars with every YAML 1.2 escape:
///   `\0 \a \b \t \n \v \f \r \e \  \" \/ \\ \N \_ \L \P \xXX \uXXXX \UXXXXXXXX` and escaped line breaks, plus
///   `\'`, which Go's YAML also accepts;
/// - literal `|` and folded `>` block scalars with chomping indicators (`-` strip, `+` keep) and indentation
///   indicators (`1`–`9`);
/// - comments: `#` starts a comment at the start of a line or after whitespace, anywhere else it is text
///   (`a#b` is a plain scalar);
/// - tabs as separation inside a line (`key:<TAB>value`, `x<TAB># c`) and anywhere inside flow collections;
/// - a UTF-8 byte order mark; line breaks `\n`, `\r\n` and `\r` (as in YAML 1.2, U+0085, U+2028 and U+2029
///   are ordinary characters).
///
/// Rejected with a ``YAMLError`` naming the position and what is not supported: anchors (`&`), aliases (`*`),
/// tags (`!`), directives (`%YAML`), several documents, complex keys (`?` and collections as keys), merge keys
/// (`<<`), duplicate keys, tabs before the first token of a line in block context (even on blank and comment
/// lines) or after `-`, as Go's YAML rejects them, single-pair mappings inside flow sequences (`[a: b]`),
/// multi-line implicit keys, a `#` glued to the text before it (`"x"#c`), `?` anywhere in a plain scalar inside a
/// flow collection and `:` starting one (Go's YAML reads them as indicators there), invalid UTF-8, control
/// characters, and nesting deeper than ``maximumDepth`` levels.
///
/// Parse trees were compared with Go's `gopkg.in/yaml.v3` and PyYAML on about 16,000 generated, mutated and
/// fuzzed documents: they agree on every document both accept (PyYAML apart from YAML 1.1's extra line breaks
/// U+0085, U+2028, U+2029), and no document accepted here is rejected by `gopkg.in/yaml.v2`, which Prometheus
/// reads its configuration with. Documents Go accepts and this parser rejects use the features rejected above,
/// put a block scalar at its key's indentation, or have content after the first document (Go ignores it).
///
/// Scalars are not resolved to types: the result keeps each scalar's text and style, and the field that
/// receives a value decides what it means (see ``YAMLDecoder``).
public struct YAMLParser {
    /// How deeply collections may nest before the parser gives up (keeps recursion bounded).
    public static let maximumDepth = 100

    let bytes: [UInt8]
    let fileName: String
    var index = 0
    var line = 1
    var lineStart = 0

    /// Parses one YAML document from UTF-8 text.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - fileName: the name errors are reported with.
    /// - Returns: the document's root node; an empty document is a null node.
    public static func parse(_ bytes: some Collection<UInt8>, fileName: String = "") throws(YAMLError) -> YAMLNode {
        var parser = YAMLParser(bytes: Array(bytes), fileName: fileName)
        try parser.checkCharacters()
        return try parser.parseDocument()
    }

    /// Parses one YAML document from a string.
    public static func parse(_ text: String, fileName: String = "") throws(YAMLError) -> YAMLNode {
        try parse(Array(text.utf8), fileName: fileName)
    }

    // MARK: - Cursor

    struct Mark {
        var index: Int
        var line: Int
        var lineStart: Int
    }

    var mark: Mark {
        get { Mark(index: index, line: line, lineStart: lineStart) }
        set {
            index = newValue.index
            line = newValue.line
            lineStart = newValue.lineStart
        }
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ distance: Int) -> UInt8? {
        index + distance < bytes.count ? bytes[index + distance] : nil
    }

    /// The 0-based column of the cursor, which is also the indentation of a token starting there.
    var column: Int { index - lineStart }

    var here: SourcePosition { SourcePosition(offset: index, line: line, column: index - lineStart + 1) }

    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && current != UInt8(ascii: "\n")) {
            line += 1
            lineStart = index
        }
    }

    mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    /// Consumes one line break (`\n`, `\r\n` or `\r`).
    mutating func consumeBreak() {
        if current == UInt8(ascii: "\r") { advance() }
        if current == UInt8(ascii: "\n") { advance() }
    }

    mutating func skipInlineWhitespace() {
        while let byte = current, isInlineWhitespace(byte) { advance() }
    }

    /// Whether the cursor is at column 0 on `---` or `...` followed by whitespace or the end of input.
    func atDocumentMarker(_ marker: UInt8? = nil) -> Bool {
        guard index == lineStart, let first = current, first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else {
            return false
        }
        guard marker == nil || marker == first, peek(1) == first, peek(2) == first else { return false }
        return isBlankOrEnd(peek(3))
    }

    func error(_ message: String, at position: SourcePosition? = nil) -> YAMLError {
        YAMLError(fileName: fileName, position: position ?? here, message: message)
    }

    /// Names the character at the cursor for "found X" messages.
    var foundDescription: String {
        guard let byte = current else { return "end of input" }
        if isBreak(byte) { return "line break" }
        var end = index + 1
        while end < bytes.count, end - index < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
    }

    // MARK: - Input checks

    /// Rejects invalid UTF-8 and control characters YAML does not allow, and skips a byte order mark.
    mutating func checkCharacters() throws(YAMLError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            advance(by: 3)
        }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        var offset = index
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let value = scalar.value
                if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0x7F {
                    throw YAMLError(
                        fileName: fileName, position: SourcePosition(offset: offset, in: bytes),
                        message: "control character U+\(String(value, radix: 16, uppercase: true)) is not allowed")
                }
                offset += UTF8.width(scalar)
            case .emptyInput:
                return
            case .error:
                throw YAMLError(
                    fileName: fileName, position: SourcePosition(offset: offset, in: bytes),
                    message: "invalid UTF-8")
            }
        }
    }

    // MARK: - Separation

    /// Skips spaces, tabs, comments and line breaks up to the next token.
    ///
    /// In block context a tab before the first token of a line is an error, even on a blank or comment line, as
    /// in Go's YAML; inside flow collections tabs separate like spaces. A `#` touching the token before it is an
    /// error.
    mutating func skipToNextToken(flow: Bool = false) throws(YAMLError) {
        var start = index
        while start > lineStart, isInlineWhitespace(bytes[start - 1]) { start -= 1 }
        var inIndentation = start == lineStart
        while let byte = current {
            switch byte {
            case UInt8(ascii: " "):
                advance()
            case UInt8(ascii: "\t"):
                if inIndentation && !flow {
                    throw error("tabs are not allowed for indentation; indent with spaces")
                }
                advance()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                consumeBreak()
                inIndentation = true
            case UInt8(ascii: "#"):
                try skipComment()
            default:
                return
            }
        }
    }

    /// Skips a comment up to (not including) the line break; the `#` must start the line or follow whitespace.
    mutating func skipComment() throws(YAMLError) {
        if index > lineStart, !isInlineWhitespace(bytes[index - 1]) {
            throw error("a comment must be separated from the text before it by whitespace")
        }
        while let byte = current, !isBreak(byte) { advance() }
    }

    /// After a value in block context: only whitespace and a comment may follow on the same line.
    mutating func finishLine() throws(YAMLError) {
        skipInlineWhitespace()
        guard let byte = current, !isBreak(byte) else { return }
        if byte == UInt8(ascii: "#") {
            if !isInlineWhitespace(bytes[index - 1]) {
                throw error("a comment must be separated from the text before it by whitespace")
            }
            return
        }
        throw error("expected a comment or a line break after the value, found \(foundDescription)")
    }

    func checkDepth(_ depth: Int) throws(YAMLError) {
        if depth > YAMLParser.maximumDepth {
            throw error("nesting deeper than \(YAMLParser.maximumDepth) levels is not supported")
        }
    }

    // MARK: - Document

    mutating func parseDocument() throws(YAMLError) -> YAMLNode {
        try skipToNextToken()
        if current == UInt8(ascii: "%") && column == 0 {
            throw error("directives (%YAML, %TAG) are not supported")
        }
        let root: YAMLNode
        if atDocumentMarker(UInt8(ascii: "-")) {
            let markerPosition = here
            advance(by: 3)
            skipInlineWhitespace()
            if let byte = current, !isBreak(byte), byte != UInt8(ascii: "#") {
                root = try parseBlockNode(parentIndent: -1, inline: true, depth: 0)
            } else {
                try skipToNextToken()
                root = try parseRootNode(nullAt: markerPosition)
            }
        } else if atDocumentMarker(UInt8(ascii: ".")) {
            throw error(
                "found the document end marker '...' before any content; a document without '---' cannot be empty")
        } else {
            root = try parseRootNode(nullAt: here)
        }
        try skipToNextToken()
        if atDocumentMarker(UInt8(ascii: ".")) {
            while atDocumentMarker(UInt8(ascii: ".")) {
                advance(by: 3)
                try skipToNextToken()
            }
            if current != nil && !atDocumentMarker(UInt8(ascii: "-")) {
                throw error("expected the end of input after the document end marker '...', found \(foundDescription)")
            }
        }
        if atDocumentMarker(UInt8(ascii: "-")) {
            throw error("several documents in one file are not supported")
        }
        if current != nil {
            throw error(
                "expected the end of the document, found \(foundDescription) (check its indentation)")
        }
        return root
    }

    mutating func parseRootNode(nullAt position: SourcePosition) throws(YAMLError) -> YAMLNode {
        if current == nil || atDocumentMarker() { return .null(at: position) }
        return try parseBlockNode(parentIndent: -1, inline: false, depth: 0)
    }

    // MARK: - Block structure

    /// Parses the node at the cursor in block context.
    ///
    /// - Parameters:
    ///   - parentIndent: the indentation of the enclosing collection (-1 at the top level); continuation lines of
    ///     the node must be indented more.
    ///   - inline: the node follows `key:` on the same line, where a block mapping or sequence cannot start.
    mutating func parseBlockNode(parentIndent: Int, inline: Bool, depth: Int) throws(YAMLError) -> YAMLNode {
        try checkDepth(depth)
        let indent = column
        guard let byte = current else { return .null(at: here) }
        switch byte {
        case UInt8(ascii: "-") where isBlankOrEnd(peek(1)):
            if inline {
                throw error("block sequence entries are not allowed here; start the sequence on its own line")
            }
            return try parseBlockSequence(indent: indent, compact: false, depth: depth)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return try parseBlockScalar(parentIndent: parentIndent)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let collection = try parseFlowCollection(parentIndent: parentIndent, depth: depth)
            let afterCollection = mark
            skipInlineWhitespace()
            if current == UInt8(ascii: ":") && isBlankOrEnd(peek(1)) {
                throw error("complex mapping keys are not supported; a key must be a scalar", at: collection.position)
            }
            mark = afterCollection
            try finishLine()
            return collection
        default:
            let scalar = try parseScalar(parentIndent: parentIndent, flow: false)
            let afterScalar = mark
            skipInlineWhitespace()
            guard current == UInt8(ascii: ":") && isBlankOrEnd(peek(1)) else {
                mark = afterScalar
                try finishLine()
                return scalar
            }
            if inline {
                throw error(
                    "mapping values are not allowed here; start a nested mapping on its own line, or quote the value")
            }
            try checkImplicitKey(scalar, endLine: afterScalar.line)
            return try parseBlockMapping(indent: indent, firstKey: scalar, depth: depth)
        }
    }

    /// Parses a block mapping whose first key was already read; the cursor is on that key's `:`.
    mutating func parseBlockMapping(indent: Int, firstKey: YAMLNode, depth: Int) throws(YAMLError) -> YAMLNode {
        var entries: [YAMLMapping.Entry] = []
        var keyPositions: [String: SourcePosition] = [:]
        var key = firstKey
        while true {
            let keyText = try checkedKey(key, existing: keyPositions)
            advance()  // the ':'
            let value = try parseMappingValue(indent: indent, depth: depth)
            entries.append(YAMLMapping.Entry(key: keyText, keyPosition: key.position, value: value))
            keyPositions[keyText] = key.position
            try skipToNextToken()
            if current == nil || atDocumentMarker() || column < indent { break }
            if column > indent {
                throw error(
                    "bad indentation: expected a mapping key at column \(indent + 1), found \(foundDescription)")
            }
            key = try parseMappingKey(indent: indent)
        }
        return YAMLNode(.mapping(YAMLMapping(entries: entries)), at: firstKey.position)
    }

    /// Validates a key node (a scalar, not `<<`, not seen before) and returns its text.
    func checkedKey(_ key: YAMLNode, existing: [String: SourcePosition]) throws(YAMLError) -> String {
        guard let scalar = key.scalar else {
            throw error("complex mapping keys are not supported; a key must be a scalar", at: key.position)
        }
        if scalar.style == .plain && scalar.text == "<<" {
            throw error("merge keys (<<) are not supported", at: key.position)
        }
        if let first = existing[scalar.text] {
            throw error(
                "mapping key \(GoString.quoted(scalar.text)) already defined at line \(first.line)", at: key.position)
        }
        return scalar.text
    }

    /// Reads the next key of a block mapping (a one-line scalar followed by `: `); the cursor ends on the `:`.
    mutating func parseMappingKey(indent: Int) throws(YAMLError) -> YAMLNode {
        guard let byte = current else { throw error("expected a mapping key, found end of input") }
        switch byte {
        case UInt8(ascii: "-") where isBlankOrEnd(peek(1)):
            throw error("expected a mapping key, found a sequence entry '-'")
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            throw error("complex mapping keys are not supported; a key must be a scalar")
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            throw error("expected a mapping key, found a block scalar indicator \(foundDescription)")
        default:
            break
        }
        let key = try parseScalar(parentIndent: indent, flow: false)
        let afterKey = mark
        skipInlineWhitespace()
        guard current == UInt8(ascii: ":") && isBlankOrEnd(peek(1)) else {
            let found = foundDescription
            throw error(
                "expected ':' after the mapping key \(GoString.quoted(key.scalar?.text ?? "")), found \(found)",
                at: afterKey.line == line ? here : key.position)
        }
        try checkImplicitKey(key, endLine: afterKey.line)
        return key
    }

    /// A key without `?` and its `:` must be on one line, and the `:` must come within 1024 characters of the
    /// key's start (YAML's limit, which Go's YAML enforces); the cursor is on the `:`.
    func checkImplicitKey(_ key: YAMLNode, endLine: Int) throws(YAMLError) {
        if endLine != key.position.line {
            throw error("a mapping key must fit on one line", at: key.position)
        }
        let characters = bytes[key.position.offset..<index].lazy.filter { $0 & 0xC0 != 0x80 }.count
        if characters > 1024 {
            throw error("a mapping key must be at most 1024 characters long", at: key.position)
        }
    }

    /// Parses what follows `key:` (the cursor is just after the colon).
    mutating func parseMappingValue(indent: Int, depth: Int) throws(YAMLError) -> YAMLNode {
        skipInlineWhitespace()
        if let byte = current, !isBreak(byte), byte != UInt8(ascii: "#") {
            return try parseBlockNode(parentIndent: indent, inline: true, depth: depth + 1)
        }
        let afterColon = here
        try skipToNextToken()
        guard current != nil, !atDocumentMarker() else { return .null(at: afterColon) }
        if column > indent {
            return try parseBlockNode(parentIndent: indent, inline: false, depth: depth + 1)
        }
        if column == indent && current == UInt8(ascii: "-") && isBlankOrEnd(peek(1)) {
            return try parseBlockSequence(indent: indent, compact: true, depth: depth + 1)
        }
        return .null(at: afterColon)
    }

    /// Parses a block sequence whose first `-` is at the cursor.
    ///
    /// - Parameter compact: the sequence is a mapping value written at its key's indentation, so a key at the same
    ///   column ends it.
    mutating func parseBlockSequence(indent: Int, compact: Bool, depth: Int) throws(YAMLError) -> YAMLNode {
        try checkDepth(depth)
        let start = here
        var items: [YAMLNode] = []
        while true {
            advance()  // the '-'
            while let byte = current, isInlineWhitespace(byte) {
                if byte == UInt8(ascii: "\t") {
                    throw error("tabs are not allowed after a sequence entry '-'; use spaces")
                }
                advance()
            }
            if let byte = current, !isBreak(byte), byte != UInt8(ascii: "#") {
                items.append(try parseBlockNode(parentIndent: indent, inline: false, depth: depth + 1))
            } else {
                let afterDash = here
                try skipToNextToken()
                if current != nil && !atDocumentMarker() && column > indent {
                    items.append(try parseBlockNode(parentIndent: indent, inline: false, depth: depth + 1))
                } else {
                    items.append(.null(at: afterDash))
                }
            }
            try skipToNextToken()
            if current == nil || atDocumentMarker() || column < indent { break }
            if column > indent {
                throw error(
                    "bad indentation: expected a sequence entry '-' at column \(indent + 1), found \(foundDescription)")
            }
            guard current == UInt8(ascii: "-") && isBlankOrEnd(peek(1)) else {
                if compact { break }
                throw error("expected a sequence entry '-' at column \(indent + 1), found \(foundDescription)")
            }
        }
        return YAMLNode(.sequence(items), at: start)
    }
}

// MARK: - Character classes

@inline(__always)
func isBreak(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
}

@inline(__always)
func isInlineWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
}

/// Whether `byte` is whitespace, a line break, or the end of input (`nil`).
@inline(__always)
func isBlankOrEnd(_ byte: UInt8?) -> Bool {
    guard let byte else { return true }
    return isInlineWhitespace(byte) || isBreak(byte)
}

@inline(__always)
func isFlowIndicator(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
        || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
}
