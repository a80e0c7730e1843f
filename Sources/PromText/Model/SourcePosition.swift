/// A position in a source text, kept as a byte offset and shown as 1-based line and column.
///
/// Every Tocsin parser (exposition, YAML, PromQL, templates) reports errors with one of these, printed as
/// `file:line:col`.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// Byte offset from the start of the input.
    public var offset: Int
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in bytes from the start of the line.
    public var column: Int

    /// Creates a position from its parts.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// Computes line and column of `offset` by scanning `bytes` (for error paths only; linear in `offset`).
    public init(offset: Int, in bytes: some Collection<UInt8>) {
        var line = 1
        var lineStart = 0
        var index = 0
        for byte in bytes.prefix(offset) {
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index
            }
        }
        self.init(offset: offset, line: line, column: offset - lineStart + 1)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
