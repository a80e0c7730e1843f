/// The small HTML page served at `/`, linking the metrics and probe endpoints.
enum LandingPage {
    /// The page for a program called `title` with the given links (path, description).
    static func html(title: String, version: String, links: [(path: String, description: String)]) -> String {
        let items = links.map {
            "<li><a href=\"\(escape($0.path))\">\(escape($0.path))</a> — \(escape($0.description))</li>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title></head>
            <body>
            <h1>\(escape(title))</h1>
            <p>Version \(escape(version))</p>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </body></html>

            """
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
