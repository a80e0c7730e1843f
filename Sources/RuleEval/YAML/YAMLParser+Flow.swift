import PromText

extension YAMLParser {
    /// Parses `[a, b]` or `{k: v}` at the cursor; nested collections and line breaks are allowed inside.
    mutating func parseFlowCollection(parentIndent: Int, depth: Int) throws(YAMLError) -> YAMLNode {
        try checkDepth(depth)
        let start = here
        let isSequence = current == UInt8(ascii: "[")
        let closer = isSequence ? UInt8(ascii: "]") : UInt8(ascii: "}")
        let kind = isSequence ? "flow sequence" : "flow mapping"
        advance()
        var items: [YAMLNode] = []
        var entries: [YAMLMapping.Entry] = []
        var keyPositions: [String: SourcePosition] = [:]
        while true {
            try skipFlowSeparation(kind: kind, start: start)
            if current == closer {
                advance()
                break
            }
            if isSequence {
                items.append(try parseFlowNode(parentIndent: parentIndent, depth: depth + 1))
                try skipFlowSeparation(kind: kind, start: start)
                if current == UInt8(ascii: ":") {
                    throw error("single-pair mappings inside flow sequences ([a: b]) are not supported")
                }
            } else {
                let key = try parseFlowNode(parentIndent: parentIndent, depth: depth + 1)
                let keyText = try checkedKey(key, existing: keyPositions)
                try skipFlowSeparation(kind: kind, start: start)
                if current == UInt8(ascii: ":") { try checkImplicitKey(key, endLine: line) }
                var value = YAMLNode.null(at: here)
                if current == UInt8(ascii: ":") {
                    advance()
                    try skipFlowSeparation(kind: kind, start: start)
                    value = .null(at: here)
                    if current != UInt8(ascii: ",") && current != closer {
                        value = try parseFlowNode(parentIndent: parentIndent, depth: depth + 1)
                    }
                }
                entries.append(YAMLMapping.Entry(key: keyText, keyPosition: key.position, value: value))
                keyPositions[keyText] = key.position
                try skipFlowSeparation(kind: kind, start: start)
            }
            if current == UInt8(ascii: ",") {
                advance()
            } else if current == closer {
                advance()
                break
            } else {
                throw error(
                    "expected ',' or '\(Character(Unicode.Scalar(closer)))' in the \(kind), found \(foundDescription)")
            }
        }
        return YAMLNode(isSequence ? .sequence(items) : .mapping(YAMLMapping(entries: entries)), at: start)
    }

    /// Parses one entry of a flow collection: a nested collection or a scalar.
    private mutating func parseFlowNode(parentIndent: Int, depth: Int) throws(YAMLError) -> YAMLNode {
        switch current {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            return try parseFlowCollection(parentIndent: parentIndent, depth: depth)
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
            throw error("expected a value, found \(foundDescription)")
        default:
            return try parseScalar(parentIndent: parentIndent, flow: true)
        }
    }

    /// Skips whitespace, comments and line breaks inside a flow collection, which must be closed before the end
    /// of input or a document marker.
    private mutating func skipFlowSeparation(kind: String, start: SourcePosition) throws(YAMLError) {
        try skipToNextToken(flow: true)
        if current == nil || atDocumentMarker() {
            throw error(
                "unterminated \(kind) starting at line \(start.line), column \(start.column), found \(foundDescription)"
            )
        }
    }
}
