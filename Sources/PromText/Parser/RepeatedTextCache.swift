/// Reuses the `String`s of the previous sample when the next sample repeats the same bytes, which is the common
/// case in an exposition (a family's samples share the name; a histogram's buckets share every label but `le`).
///
/// A comparison of two spans of the input costs far less than decoding and allocating a new string, so
/// materialising a whole exposition (``ExpositionParser/parseFamilies(_:format:strictness:)``) allocates mostly
/// for the text that actually changes.
struct RepeatedTextCache {
    private var name: (span: ByteSpan, text: String)?
    private var labelNames: [(span: ByteSpan, text: String)] = []
    private var labelValues: [(span: ByteSpan, text: String)] = []

    /// The current sample of `parser`, reusing the previous sample's strings where the bytes repeat.
    mutating func sample(of parser: ExpositionParser) -> Sample {
        let bytes = parser.bytes
        let sampleName = Self.reuse(&name, parser.nameSpan, in: bytes)
        var pairs: [Label] = []
        pairs.reserveCapacity(parser.labelSpans.count)
        for (index, span) in parser.labelSpans.enumerated() {
            if index == labelNames.count {
                labelNames.append((ByteSpan.empty, ""))
                labelValues.append((ByteSpan.empty, ""))
            }
            var cachedName: (span: ByteSpan, text: String)? = labelNames[index]
            var cachedValue: (span: ByteSpan, text: String)? = labelValues[index]
            let label = Label(
                Self.reuse(&cachedName, span.name, in: bytes), Self.reuse(&cachedValue, span.value, in: bytes))
            labelNames[index] = cachedName ?? (ByteSpan.empty, "")
            labelValues[index] = cachedValue ?? (ByteSpan.empty, "")
            pairs.append(label)
        }
        return Sample(
            name: sampleName, labels: Labels(pairs), value: parser.value,
            timestampMilliseconds: parser.timestampMilliseconds, exemplar: parser.exemplar)
    }

    /// The decoded text of `span`, taken from `cached` when its bytes are the same, else decoded and cached.
    private static func reuse(_ cached: inout (span: ByteSpan, text: String)?, _ span: ByteSpan, in bytes: [UInt8])
        -> String
    {
        if let previous = cached, previous.span.isEscaped == span.isEscaped, previous.span.count == span.count,
            bytes[previous.span.start..<previous.span.end].elementsEqual(bytes[span.start..<span.end])
        {
            return previous.text
        }
        let text = bytes.string(span, escapes: .labelValue)
        cached = (span, text)
        return text
    }
}
