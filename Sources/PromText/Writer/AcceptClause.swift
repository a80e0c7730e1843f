/// One media range of an HTTP `Accept` header, parsed exactly as the Go package `goautoneg` (which client_golang
/// uses) parses it: no lowercasing, spaces trimmed around names and values, an unparsable `q` counts as 0.
struct AcceptClause {
    /// The media type, e.g. `application` or `*`.
    var type: Substring
    /// The media subtype, e.g. `openmetrics-text` or `*`.
    var subtype: Substring
    /// The quality value (1 when absent).
    var quality: Float
    /// The parameters other than `q`, in header order (a later duplicate wins, as in a Go map).
    var parameters: [(name: Substring, value: Substring)]

    /// The value of parameter `name`, or an empty string when absent (Go's map zero value).
    func parameter(_ name: String) -> Substring {
        parameters.last(where: { $0.name == name })?.value ?? ""
    }

    /// Parses an `Accept` header into clauses sorted as `goautoneg.ParseAccept` sorts them.
    ///
    /// goautoneg sorts with a comparison that is not a strict order (higher `q` first, and a concrete type or
    /// subtype before a wildcard regardless of `q`); the result depends on the algorithm, so this uses Go's
    /// insertion sort, which is what `sort.Sort` runs for the up to 12 clauses real scrapers send.
    static func parseHeader(_ header: String) -> [AcceptClause] {
        var clauses: [AcceptClause] = []
        for part in header.split(separator: ",", omittingEmptySubsequences: false) {
            if let clause = AcceptClause(parsing: trimSpaces(part)) {
                clauses.append(clause)
            }
        }
        for index in clauses.indices.dropFirst() {
            var position = index
            while position > 0 && clauses[position].sortsBefore(clauses[position - 1]) {
                clauses.swapAt(position, position - 1)
                position -= 1
            }
        }
        return clauses
    }

    /// goautoneg's `Less`.
    private func sortsBefore(_ other: AcceptClause) -> Bool {
        if quality > other.quality { return true }
        if type != "*" && other.type == "*" { return true }
        if subtype != "*" && other.subtype == "*" { return true }
        return false
    }

    /// Parses one media range; `nil` when it has no `/` and is not `*`.
    private init?(parsing part: Substring) {
        let pieces = part.split(separator: ";", omittingEmptySubsequences: false)
        let range = pieces[0].split(separator: "/", omittingEmptySubsequences: false)
        type = AcceptClause.trimSpaces(range[0])
        switch range.count {
        case 1 where type == "*": subtype = "*"
        case 2: subtype = AcceptClause.trimSpaces(range[1])
        default: return nil
        }
        quality = 1
        parameters = []
        for parameter in pieces.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = AcceptClause.trimSpaces(parameter[..<equals])
            let value = parameter[parameter.index(after: equals)...]
            if name == "q" {
                quality = Float(value) ?? 0
            } else {
                parameters.append((name, AcceptClause.trimSpaces(value)))
            }
        }
    }

    /// Go `strings.Trim(s, " ")`: removes spaces (only spaces) at both ends.
    private static func trimSpaces(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { $0 != " " }),
            let last = text.lastIndex(where: { $0 != " " })
        else { return text[text.endIndex...] }
        return text[first...last]
    }
}
