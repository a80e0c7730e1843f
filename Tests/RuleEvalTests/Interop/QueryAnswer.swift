import Foundation

/// One answer of the Prometheus HTTP API's `/api/v1/query` or `/api/v1/query_range`, decoded for comparison.
enum QueryAnswer: Equatable, Sendable, CustomStringConvertible {
    /// One series of a vector or matrix result: its labels and its points (milliseconds, value).
    struct Series: Equatable, Sendable {
        var labels: [String: String]
        var points: [Point]

        /// The labels as PromQL writes them, sorted by name.
        var labelText: String {
            "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ", ") + "}"
        }
    }

    /// One sample: a timestamp in milliseconds and a value.
    struct Point: Equatable, Sendable {
        var milliseconds: Int64
        var value: Double

        static func == (left: Point, right: Point) -> Bool {
            left.milliseconds == right.milliseconds && left.value.bitPattern == right.value.bitPattern
        }
    }

    /// `status: error`, with its `errorType`.
    case error(type: String, message: String)
    /// A `vector` or `matrix` result.
    case series(resultType: String, [Series])
    /// A `scalar` result.
    case scalar(Point)
    /// A `string` result.
    case string(String)
    /// A response that is not the API's JSON at all.
    case unreadable(String)

    /// Decodes a response body.
    init(body: Data, status: Int) {
        guard let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            self = .unreadable("HTTP \(status): \(String(decoding: body.prefix(300), as: UTF8.self))")
            return
        }
        if json["status"] as? String == "error" {
            self = .error(type: json["errorType"] as? String ?? "?", message: json["error"] as? String ?? "?")
            return
        }
        let data = json["data"] as? [String: Any] ?? [:]
        let resultType = data["resultType"] as? String ?? "?"
        switch resultType {
        case "scalar", "string":
            let pair = data["result"] as? [Any] ?? []
            let text = pair.last as? String ?? ""
            self =
                resultType == "string"
                ? .string(text) : .scalar(Self.point(pair) ?? Point(milliseconds: 0, value: .nan))
        case "vector", "matrix":
            let results = data["result"] as? [[String: Any]] ?? []
            self = .series(
                resultType: resultType,
                results.map { result in
                    let pairs = (result["values"] as? [[Any]]) ?? (result["value"] as? [Any]).map { [$0] } ?? []
                    return Series(
                        labels: result["metric"] as? [String: String] ?? [:], points: pairs.compactMap(Self.point))
                })
        default:
            self = .unreadable("HTTP \(status): \(String(decoding: body.prefix(300), as: UTF8.self))")
        }
    }

    private static func point(_ pair: [Any]) -> Point? {
        guard pair.count == 2, let seconds = (pair[0] as? NSNumber)?.doubleValue, let text = pair[1] as? String
        else { return nil }
        return Point(milliseconds: Int64((seconds * 1000).rounded()), value: Self.value(text))
    }

    /// Parses a sample value as the API writes it (Go's `strconv.FormatFloat`, `NaN`, `+Inf`, `-Inf`).
    static func value(_ text: String) -> Double {
        switch text {
        case "NaN": .nan
        case "+Inf": .infinity
        case "-Inf": -.infinity
        default: Double(text) ?? .nan
        }
    }

    var description: String {
        switch self {
        case .error(let type, let message): "error \(type): \(message)"
        case .scalar(let point): "scalar \(point.value) @\(point.milliseconds)"
        case .string(let text): "string \"\(text)\""
        case .unreadable(let text): "unreadable: \(text)"
        case .series(let resultType, let series):
            "\(resultType) ["
                + series.map { "\($0.labelText) \($0.points.map { "\($0.value)@\($0.milliseconds)" })" }
                .joined(separator: "; ") + "]"
        }
    }
}
