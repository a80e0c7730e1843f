import Exporter
import PromText

extension SilenceAPI {
    /// Decodes a `postableSilence` body as go-swagger does: JSON and member types first (400), then the schema's
    /// required members in the order its generated `Validate` checks them (422): `comment`, `createdBy`, `endsAt`,
    /// `matchers` (each `isRegex`, `name`, `value`), `startsAt`. `id` is optional and `isEqual` defaults to true.
    static func postableSilence(_ body: [UInt8]) throws(SilenceAPIError) -> Silence {
        let document: JSONValue
        do {
            document = try JSONParser.parse(body)
        } catch {
            throw .unparsableBody(error.message)
        }
        guard case .object = document else {
            throw .unparsableBody(typeMismatch(document, "", "models.PostableSilence"))
        }
        let id = try optionalString(document, "id", in: "PostableSilence")
        let comment = try optionalString(document, "comment", in: "PostableSilence")
        let createdBy = try optionalString(document, "createdBy", in: "PostableSilence")
        let endsAt = try optionalTime(document, "endsAt")
        let startsAt = try optionalTime(document, "startsAt")
        var matcherValues: [JSONValue]?
        switch document["matchers"] {
        case nil, .null?: matcherValues = nil
        case .array(let elements)?: matcherValues = elements
        case let other?: throw .unparsableBody(typeMismatch(other, "PostableSilence.matchers", "models.Matchers"))
        }
        var matchers: [(name: String?, value: String?, isRegex: Bool?, isEqual: Bool?)] = []
        for element in matcherValues ?? [] {
            guard case .object = element else {
                throw .unparsableBody(typeMismatch(element, "PostableSilence.matchers", "models.Matcher"))
            }
            matchers.append(
                (
                    try optionalString(element, "name", in: "Matcher"),
                    try optionalString(element, "value", in: "Matcher"),
                    try optionalBool(element, "isRegex"), try optionalBool(element, "isEqual")
                ))
        }

        guard let comment else { throw .required("comment") }
        guard let createdBy else { throw .required("createdBy") }
        guard let endsAt else { throw .required("endsAt") }
        guard matcherValues != nil else { throw .required("matchers") }
        var silenceMatchers: [Silence.Matcher] = []
        for (index, matcher) in matchers.enumerated() {
            guard let isRegex = matcher.isRegex else { throw .required("matchers.\(index).isRegex") }
            guard let name = matcher.name else { throw .required("matchers.\(index).name") }
            guard let value = matcher.value else { throw .required("matchers.\(index).value") }
            silenceMatchers.append(
                Silence.Matcher(name: name, value: value, isRegex: isRegex, isEqual: matcher.isEqual ?? true))
        }
        guard let startsAt else { throw .required("startsAt") }
        return Silence(
            id: id ?? "", matchers: silenceMatchers, startsAt: startsAt, endsAt: endsAt, createdBy: createdBy,
            comment: comment)
    }

    /// The `filter` query parameters of `GET /api/v2/silences`, each one matcher; a bad one is a 400 with the
    /// parser's message.
    static func filterMatchers(_ query: QueryParameters) throws(SilenceAPIError) -> [AlertMatcher] {
        var matchers: [AlertMatcher] = []
        for text in query.values(for: "filter") {
            do {
                matchers.append(try AlertMatcherParser.parseMatcher(text))
            } catch {
                throw .message("bad matcher format: \(text): \(error.message)")
            }
        }
        return matchers
    }

    /// Whether every filter matcher appears in the silence with the same name, type and value
    /// (`CheckSilenceMatchesFilterLabels`): a filter selects silences by their matchers, not by alert labels.
    static func silence(_ silence: Silence, matches filter: [AlertMatcher]) -> Bool {
        filter.allSatisfy { wanted in
            silence.matchers.contains { matcher in
                matcher.name == wanted.name && matcher.value == wanted.value
                    && (try? matcher.alertMatcher().type) == wanted.type
            }
        }
    }

    /// The listing order of `GET /api/v2/silences` (`SortSilences`): active ones ending soonest first, then
    /// pending ones starting soonest, then expired ones ended most recently; ties by ID so the order is stable.
    static func sortedForListing(_ silences: [Silence], now: Int64) -> [Silence] {
        func rank(_ state: Silence.State) -> Int {
            switch state {
            case .active: 0
            case .pending: 1
            case .expired: 2
            }
        }
        func key(_ silence: Silence) -> (Int, Int64) {
            let state = silence.state(at: now)
            switch state {
            case .active: return (rank(state), silence.endsAt)
            case .pending: return (rank(state), silence.startsAt)
            case .expired: return (rank(state), -silence.endsAt)
            }
        }
        return silences.sorted { lhs, rhs in
            let (left, right) = (key(lhs), key(rhs))
            return left != right ? left < right : lhs.id < rhs.id
        }
    }

    /// Whether `text` is a UUID as go-openapi's `strfmt` accepts one in a path: `8-4-4-4-12` hex digits with
    /// dashes, or 32 hex digits, in either case.
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isHex(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
        if bytes.count == 32 { return bytes.allSatisfy(isHex) }
        guard bytes.count == 36 else { return false }
        return bytes.indices.allSatisfy { index in
            [8, 13, 18, 23].contains(index) ? bytes[index] == UInt8(ascii: "-") : isHex(bytes[index])
        }
    }

    private static func optionalString(
        _ object: JSONValue, _ name: String, in type: String
    ) throws(SilenceAPIError) -> String? {
        switch object[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw .unparsableBody(typeMismatch(other, "\(type).\(name)", "string"))
        }
    }

    private static func optionalBool(_ object: JSONValue, _ name: String) throws(SilenceAPIError) -> Bool? {
        switch object[name] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw .unparsableBody(typeMismatch(other, "Matcher.\(name)", "bool"))
        }
    }

    private static func optionalTime(_ object: JSONValue, _ name: String) throws(SilenceAPIError) -> Int64? {
        switch object[name] {
        case nil, .null?: return nil
        case .string(let text)?:
            guard let time = RFC3339Time.parse(text) else {
                throw .unparsableBody("parsing time \(GoString.quoted(text)): not an RFC 3339 date-time")
            }
            return time
        case let other?: throw .unparsableBody(typeMismatch(other, "PostableSilence.\(name)", "strfmt.DateTime"))
        }
    }

    /// `encoding/json`'s `UnmarshalTypeError` text.
    private static func typeMismatch(_ value: JSONValue, _ field: String, _ goType: String) -> String {
        let kind =
            switch value {
            case .null: "null"
            case .bool: "bool"
            case .number: "number"
            case .string: "string"
            case .array: "array"
            case .object: "object"
            }
        let target = field.isEmpty ? "Go value of type \(goType)" : "Go struct field \(field) of type \(goType)"
        return "json: cannot unmarshal \(kind) into \(target)"
    }
}
