/// The small HTML page served at `/`, linking the metrics and probe endpoints.
enum LandingPage {
    /// The page for a program called `title` with the given links (path, description).
    static func html(title: String, version: String, links: [(path: String, description: String)]) -> String {
        var page = HTMLWriter()
        page.markup("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        page.element("title", title)
        page.markup("</head>\n<body>\n")
        page.element("h1", title)
        page.markup("\n")
        page.element("p", "Version \(version)")
        page.markup("\n<ul>\n")
        for link in links {
            page.markup("<li><a href=\"")
            page.text(link.path)
            page.markup("\">")
            page.text(link.path)
            page.markup("</a> — ")
            page.text(link.description)
            page.markup("</li>\n")
        }
        page.markup("</ul>\n</body></html>\n")
        return page.html
    }
}
