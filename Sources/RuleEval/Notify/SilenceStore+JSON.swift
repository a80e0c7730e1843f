import PromText

extension SilenceStore {
    /// The silences as the JSON array `GET /api/v2/silences` returns (`GettableSilence`, with the state at
    /// `now`), which is also the persistence format: member order as go-swagger writes it, timestamps in
    /// RFC 3339 with milliseconds.
    public func encoded(now: Int64) -> [UInt8] {
        JSONValue.array(all.map { Self.json($0, now: now) }).encoded
    }

    /// Reads silences written by ``encoded(now:)`` (or fetched from Alertmanager's API); `isEqual` defaults to
    /// true when absent, `status` is ignored (it follows from the times).
    public static func decode(_ bytes: [UInt8]) throws(SilenceError) -> [Silence] {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw SilenceError("invalid silences JSON: \(error)")
        }
        guard case .array(let elements) = document else {
            throw SilenceError("invalid silences JSON: expected an array")
        }
        var silences: [Silence] = []
        for (index, element) in elements.enumerated() {
            func field(_ name: String) throws(SilenceError) -> String {
                guard let value = element[name]?.stringValue else {
                    throw SilenceError("silence \(index): missing string field \(GoString.quoted(name))")
                }
                return value
            }
            func time(_ name: String) throws(SilenceError) -> Int64 {
                guard let value = RFC3339Time.parse(try field(name)) else {
                    throw SilenceError("silence \(index): \(name) is not an RFC 3339 time")
                }
                return value
            }
            guard case .array(let matcherValues)? = element["matchers"] else {
                throw SilenceError("silence \(index): missing matchers")
            }
            var matchers: [Silence.Matcher] = []
            for matcher in matcherValues {
                guard let name = matcher["name"]?.stringValue, let value = matcher["value"]?.stringValue,
                    case .bool(let isRegex)? = matcher["isRegex"]
                else { throw SilenceError("silence \(index): matcher needs name, value and isRegex") }
                var isEqual = true
                if case .bool(let flag)? = matcher["isEqual"] { isEqual = flag }
                matchers.append(Silence.Matcher(name: name, value: value, isRegex: isRegex, isEqual: isEqual))
            }
            silences.append(
                Silence(
                    id: try field("id"), matchers: matchers, startsAt: try time("startsAt"), endsAt: try time("endsAt"),
                    updatedAt: try time("updatedAt"), createdBy: try field("createdBy"), comment: try field("comment")))
        }
        return silences
    }

    /// One silence as `gettableSilence`.
    static func json(_ silence: Silence, now: Int64) -> JSONValue {
        .object([
            ("id", .string(silence.id)),
            ("status", .object([("state", .string(silence.state(at: now).rawValue))])),
            ("updatedAt", .string(RFC3339Time.rfc3339Millis(milliseconds: silence.updatedAt))),
            ("comment", .string(silence.comment)),
            ("createdBy", .string(silence.createdBy)),
            ("endsAt", .string(RFC3339Time.rfc3339Millis(milliseconds: silence.endsAt))),
            (
                "matchers",
                .array(
                    silence.matchers.map {
                        .object([
                            ("isEqual", .bool($0.isEqual)), ("isRegex", .bool($0.isRegex)), ("name", .string($0.name)),
                            ("value", .string($0.value)),
                        ])
                    })
            ),
            ("startsAt", .string(RFC3339Time.rfc3339Millis(milliseconds: silence.startsAt))),
        ])
    }
}
