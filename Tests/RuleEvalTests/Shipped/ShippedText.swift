import Foundation
import TestSupport

/// A shipped file read as lines, with the lookups the shipped-file tests need.
///
/// This is not a YAML parser: the shipped YAML files are written in plain block style (one `key: value` or
/// `- item` per line, nested by indentation), and these lookups rely on exactly that.
struct ShippedText {
    /// The path relative to the package root, for messages.
    let relativePath: String
    /// The whole text.
    let text: String
    /// The lines, without their newlines.
    let lines: [Substring]

    /// Reads `relativePath` under the package root.
    init(_ relativePath: String) throws {
        self.relativePath = relativePath
        text = try String(contentsOf: Paths.packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The absolute path of the file.
    var path: String { Paths.packageRoot.appendingPathComponent(relativePath).path }

    /// The index of the first line at or after `start` whose trimmed text is `trimmed`.
    func lineIndex(of trimmed: String, from start: Int = 0) -> Int? {
        lines.indices.dropFirst(start).first { lines[$0].trimmingCharacters(in: .whitespaces) == trimmed }
    }

    /// The lines after `index` indented deeper than line `index` (blank lines between them included, trailing
    /// ones not), i.e. its YAML block.
    func block(under index: Int) -> ArraySlice<Substring> {
        let indent = Self.indentation(of: lines[index])
        var end = index + 1
        var blockEnd = end
        while end < lines.count, lines[end].allSatisfy(\.isWhitespace) || Self.indentation(of: lines[end]) > indent {
            end += 1
            if !lines[end - 1].allSatisfy(\.isWhitespace) { blockEnd = end }
        }
        return lines[(index + 1)..<blockEnd]
    }

    /// The `- item` values of the list under `key:`, the first such key at or after line `start`.
    func listItems(under key: String, from start: Int = 0) -> [String] {
        guard let index = lineIndex(of: "\(key):", from: start) else { return [] }
        return block(under: index).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("- ") ? String(trimmed.dropFirst(2)) : nil
        }
    }

    /// The `key: value` pairs directly under `key:` (first at or after line `start`), e.g. a probe's `httpGet`.
    func mapping(under key: String, from start: Int = 0) -> [String: String] {
        guard let index = lineIndex(of: "\(key):", from: start) else { return [:] }
        var pairs: [String: String] = [:]
        for line in block(under: index) {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
            if parts.count == 2 {
                pairs[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return pairs
    }

    /// The content of the literal block scalar `key: |` (e.g. one file of a ConfigMap), with its indentation
    /// removed and one final newline, as YAML's default "clip" chomping gives it.
    func literalBlock(_ key: String) -> String? {
        guard let index = lineIndex(of: "\(key): |") else { return nil }
        let content = block(under: index)
        guard let first = content.first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return "" }
        let indent = Self.indentation(of: first)
        return content.map { $0.dropFirst(min(indent, $0.count)) }.joined(separator: "\n") + "\n"
    }

    private static func indentation(of line: Substring) -> Int {
        line.prefix { $0 == " " }.count
    }
}
