/// Builds an HTML document in one growing string: markup the page itself writes goes in as is, every text that
/// came from configuration, labels or errors goes through ``text(_:)``, which escapes it.
struct HTMLWriter {
    /// The document so far.
    private(set) var html = ""

    /// Creates a writer with room for about `capacity` bytes.
    init(capacity: Int) {
        html.reserveCapacity(capacity)
    }

    /// Appends markup written by the page (tags, numbers, fixed words), unescaped.
    mutating func markup(_ markup: String) {
        html += markup
    }

    /// Appends `text` escaped for use in element content and quoted attribute values.
    mutating func text(_ text: String) {
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
    mutating func element(_ tag: String, class classes: String? = nil, _ content: String) {
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
