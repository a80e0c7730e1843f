/// Builds an HTML document in one growing string: markup the page itself writes goes in as is, every text that
/// came from configuration, labels or errors goes through ``text(_:)``, which escapes it. Used by the exporter's
/// landing page and the evaluator's status page.
public struct HTMLWriter: Sendable {
    /// The document so far.
    public private(set) var html = ""

    /// Creates a writer with room for about `capacity` bytes.
    public init(capacity: Int = 1024) {
        html.reserveCapacity(capacity)
    }

    /// Appends markup written by the page (tags, numbers, fixed words), unescaped.
    public mutating func markup(_ markup: String) {
        html += markup
    }

    /// Appends `text` escaped for use in element content and quoted attribute values.
    public mutating func text(_ text: String) {
        guard text.utf8.contains(where: Self.needsEscaping) else {
            html += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\"": html += "&quot;"
            case "'": html += "&#39;"
            default: html.unicodeScalars.append(scalar)
            }
        }
    }

    /// Appends `<tag class="classes">text</tag>` with `text` escaped.
    public mutating func element(_ tag: String, class classes: String? = nil, _ content: String) {
        html += classes.map { "<\(tag) class=\"\($0)\">" } ?? "<\(tag)>"
        text(content)
        html += "</\(tag)>"
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
