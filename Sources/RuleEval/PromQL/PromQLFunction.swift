/// A PromQL function's signature: argument types, how many optional trailing arguments it takes, and its result.
///
/// The table mirrors Prometheus 3's `promql/parser/functions.go` (plus the experimental `min_of`/`max_of` of
/// Prometheus 3.14, whose signatures are only used to reject them). Functions Prometheus marks experimental are
/// listed so the parser can say they are not supported rather than unknown.
public struct PromQLFunction: Sendable, Hashable {
    /// The name as written in a query (function names are case-sensitive).
    public let name: String
    /// The types of the arguments; with `variadic != 0` the last one repeats or is optional.
    public let argumentTypes: [ValueType]
    /// 0: exactly `argumentTypes.count` arguments. n > 0: the last argument type may appear up to n times, or be
    /// left out. -1: the last argument type may appear any number of times (at least `argumentTypes.count - 1`).
    public let variadic: Int
    /// The type of the call's result.
    public let returnType: ValueType
    /// Whether Prometheus gates the function behind `--enable-feature=promql-experimental-functions`.
    public let isExperimental: Bool

    init(
        _ name: String, _ argumentTypes: [ValueType], variadic: Int = 0, returns returnType: ValueType = .instantVector,
        experimental: Bool = false
    ) {
        self.name = name
        self.argumentTypes = argumentTypes
        self.variadic = variadic
        self.returnType = returnType
        self.isExperimental = experimental
    }

    /// The function called `name`, if PromQL has one.
    public static func named(_ name: String) -> PromQLFunction? { table[name] }

    /// Every PromQL function, stable and experimental, by name.
    public static let table: [String: PromQLFunction] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) })

    private static let all: [PromQLFunction] = [
        PromQLFunction("abs", [.instantVector]),
        PromQLFunction("absent", [.instantVector]),
        PromQLFunction("absent_over_time", [.rangeVector]),
        PromQLFunction("acos", [.instantVector]),
        PromQLFunction("acosh", [.instantVector]),
        PromQLFunction("asin", [.instantVector]),
        PromQLFunction("asinh", [.instantVector]),
        PromQLFunction("atan", [.instantVector]),
        PromQLFunction("atanh", [.instantVector]),
        PromQLFunction("avg_over_time", [.rangeVector]),
        PromQLFunction("ceil", [.instantVector]),
        PromQLFunction("changes", [.rangeVector]),
        PromQLFunction("clamp", [.instantVector, .scalar, .scalar]),
        PromQLFunction("clamp_max", [.instantVector, .scalar]),
        PromQLFunction("clamp_min", [.instantVector, .scalar]),
        PromQLFunction("cos", [.instantVector]),
        PromQLFunction("cosh", [.instantVector]),
        PromQLFunction("count_over_time", [.rangeVector]),
        PromQLFunction("day_of_month", [.instantVector], variadic: 1),
        PromQLFunction("day_of_week", [.instantVector], variadic: 1),
        PromQLFunction("day_of_year", [.instantVector], variadic: 1),
        PromQLFunction("days_in_month", [.instantVector], variadic: 1),
        PromQLFunction("deg", [.instantVector]),
        PromQLFunction("delta", [.rangeVector]),
        PromQLFunction("deriv", [.rangeVector]),
        PromQLFunction("double_exponential_smoothing", [.rangeVector, .scalar, .scalar], experimental: true),
        PromQLFunction("end", [], returns: .scalar, experimental: true),
        PromQLFunction("exp", [.instantVector]),
        PromQLFunction("first_over_time", [.rangeVector], experimental: true),
        PromQLFunction("floor", [.instantVector]),
        PromQLFunction("histogram_avg", [.instantVector]),
        PromQLFunction("histogram_count", [.instantVector]),
        PromQLFunction("histogram_fraction", [.scalar, .scalar, .instantVector]),
        PromQLFunction("histogram_quantile", [.scalar, .instantVector]),
        PromQLFunction(
            "histogram_quantiles", [.instantVector, .string, .scalar, .scalar], variadic: 9, experimental: true),
        PromQLFunction("histogram_stddev", [.instantVector]),
        PromQLFunction("histogram_stdvar", [.instantVector]),
        PromQLFunction("histogram_sum", [.instantVector]),
        PromQLFunction("hour", [.instantVector], variadic: 1),
        PromQLFunction("idelta", [.rangeVector]),
        PromQLFunction("increase", [.rangeVector]),
        PromQLFunction("info", [.instantVector, .instantVector], variadic: 1, experimental: true),
        PromQLFunction("integral", [.rangeVector, .scalar], variadic: 1, experimental: true),
        PromQLFunction("irate", [.rangeVector]),
        PromQLFunction("label_join", [.instantVector, .string, .string, .string], variadic: -1),
        PromQLFunction("label_replace", [.instantVector, .string, .string, .string, .string]),
        PromQLFunction("last_over_time", [.rangeVector]),
        PromQLFunction("ln", [.instantVector]),
        PromQLFunction("log10", [.instantVector]),
        PromQLFunction("log2", [.instantVector]),
        PromQLFunction("mad_over_time", [.rangeVector], experimental: true),
        PromQLFunction("max_over_time", [.rangeVector]),
        PromQLFunction("min_over_time", [.rangeVector]),
        PromQLFunction("max_of", [.scalar, .scalar], returns: .scalar, experimental: true),
        PromQLFunction("min_of", [.scalar, .scalar], returns: .scalar, experimental: true),
        PromQLFunction("minute", [.instantVector], variadic: 1),
        PromQLFunction("month", [.instantVector], variadic: 1),
        PromQLFunction("pi", [], returns: .scalar),
        PromQLFunction("predict_linear", [.rangeVector, .scalar]),
        PromQLFunction("present_over_time", [.rangeVector]),
        PromQLFunction("quantile_over_time", [.scalar, .rangeVector]),
        PromQLFunction("rad", [.instantVector]),
        PromQLFunction("range", [], returns: .scalar, experimental: true),
        PromQLFunction("rate", [.rangeVector]),
        PromQLFunction("resets", [.rangeVector]),
        PromQLFunction("round", [.instantVector, .scalar], variadic: 1),
        PromQLFunction("scalar", [.instantVector], returns: .scalar),
        PromQLFunction("sgn", [.instantVector]),
        PromQLFunction("sin", [.instantVector]),
        PromQLFunction("sinh", [.instantVector]),
        PromQLFunction("sort", [.instantVector]),
        PromQLFunction("sort_by_label", [.instantVector, .string], variadic: -1, experimental: true),
        PromQLFunction("sort_by_label_desc", [.instantVector, .string], variadic: -1, experimental: true),
        PromQLFunction("sort_desc", [.instantVector]),
        PromQLFunction("sqrt", [.instantVector]),
        PromQLFunction("start", [], returns: .scalar, experimental: true),
        PromQLFunction("stddev_over_time", [.rangeVector]),
        PromQLFunction("stdvar_over_time", [.rangeVector]),
        PromQLFunction("step", [], returns: .scalar, experimental: true),
        PromQLFunction("sum_over_time", [.rangeVector]),
        PromQLFunction("tan", [.instantVector]),
        PromQLFunction("tanh", [.instantVector]),
        PromQLFunction("time", [], returns: .scalar),
        PromQLFunction("timestamp", [.instantVector]),
        PromQLFunction("ts_of_first_over_time", [.rangeVector], experimental: true),
        PromQLFunction("ts_of_last_over_time", [.rangeVector], experimental: true),
        PromQLFunction("ts_of_max_over_time", [.rangeVector], experimental: true),
        PromQLFunction("ts_of_min_over_time", [.rangeVector], experimental: true),
        PromQLFunction("vector", [.scalar]),
        PromQLFunction("year", [.instantVector], variadic: 1),
    ]
}
