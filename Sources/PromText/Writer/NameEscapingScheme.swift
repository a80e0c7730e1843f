/// How metric and label names outside the legacy character set are written for a scraper that did not ask for
/// UTF-8 names (Prometheus `model.EscapingScheme`, negotiated through the `escaping=` media-type parameter).
///
/// Names that are already valid legacy names are never changed. Otherwise:
/// - ``allowUTF8``: the name is kept and written quoted (`{"my.metric","a.b"="c"}`), the Prometheus 3 syntax;
/// - ``underscores``: every invalid character becomes `_` (`my.metric` → `my_metric`);
/// - ``dots``: `_` becomes `__`, `.` becomes `_dot_`, any other invalid character `__`
///   (`my.metric` → `my_dot_metric`);
/// - ``values``: `U__` prefix, `_` becomes `__`, any other invalid character `_<hex code point>_`
///   (`my.metric` → `U__my_2e_metric`).
///
/// Label names follow the same rules with the label-name character set, which has no `:`. (client_golang checks
/// label names against the metric-name set, so it would write a label `a:b` bare, which Prometheus's parser
/// rejects; Tocsin treats `:` in a label name as invalid so the output always parses.)
public enum NameEscapingScheme: Sendable, Hashable, CaseIterable {
    /// No escaping: names outside the legacy set are written quoted (`escaping=allow-utf-8`).
    case allowUTF8
    /// Invalid characters become underscores (`escaping=underscores`).
    case underscores
    /// Dots become `_dot_`, underscores are doubled (`escaping=dots`).
    case dots
    /// Invalid characters become their hex code point (`escaping=values`).
    case values

    /// The scheme client_golang uses when the scraper names none (`model.NameEscapingScheme`).
    public static let `default`: NameEscapingScheme = .underscores

    /// The value of the `escaping=` media-type parameter naming this scheme.
    public var parameterValue: String {
        switch self {
        case .allowUTF8: "allow-utf-8"
        case .underscores: "underscores"
        case .dots: "dots"
        case .values: "values"
        }
    }

    /// The scheme an `escaping=` parameter value names, or `nil` for an unknown value.
    public init?(parameterValue: some StringProtocol) {
        guard let scheme = NameEscapingScheme.allCases.first(where: { $0.parameterValue == parameterValue }) else {
            return nil
        }
        self = scheme
    }

    /// The metric name as written under this scheme (Prometheus `model.EscapeName`).
    public func escapeMetricName(_ name: String) -> String {
        MetricName.isValidLegacyMetricName(name) ? name : escape(name, allowsColon: true)
    }

    /// The label name as written under this scheme (`model.EscapeName` with the label-name character set).
    public func escapeLabelName(_ name: String) -> String {
        MetricName.isValidLegacyLabelName(name) ? name : escape(name, allowsColon: false)
    }

    private func escape(_ name: String, allowsColon: Bool) -> String {
        if name.isEmpty { return name }
        func isLegacy(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
            guard scalar.isASCII else { return false }
            let byte = UInt8(scalar.value)
            return MetricName.isLegacyNameStart(byte) || (allowsColon && byte == UInt8(ascii: ":"))
                || (!first && MetricName.isDigit(byte))
        }
        var escaped = ""
        switch self {
        case .allowUTF8:
            return name
        case .underscores:
            for (offset, scalar) in name.unicodeScalars.enumerated() {
                escaped.unicodeScalars.append(isLegacy(scalar, first: offset == 0) ? scalar : "_")
            }
        case .dots:
            for (offset, scalar) in name.unicodeScalars.enumerated() {
                switch scalar {
                case "_": escaped += "__"
                case ".": escaped += "_dot_"
                case _ where isLegacy(scalar, first: offset == 0): escaped.unicodeScalars.append(scalar)
                default: escaped += "__"
                }
            }
        case .values:
            escaped = "U__"
            for (offset, scalar) in name.unicodeScalars.enumerated() {
                switch scalar {
                case "_": escaped += "__"
                case _ where isLegacy(scalar, first: offset == 0): escaped.unicodeScalars.append(scalar)
                default: escaped += "_" + String(scalar.value, radix: 16) + "_"
                }
            }
        }
        return escaped
    }
}
