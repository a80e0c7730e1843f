/// The PromQL queries both evaluators answer in the side-by-side test, one or more per function family.
///
/// `$E+N` stands for the Unix second `N` seconds after the script's first step. The data grid (odd Unix seconds),
/// the query times (half seconds) and the subquery steps (even seconds) never coincide with a range's edge, so
/// Prometheus 2's left-closed and Prometheus 3's left-open ranges select the same samples. Counter `rate` and
/// `increase` windows never reach back before the first sample: there Prometheus 2.42 limits extrapolation
/// towards zero differently from Prometheus ≥ 2.52 (prometheus/prometheus#13725), whose behaviour we follow.
enum SideBySideQueries {
    /// Queries whose answers are compared series by series.
    static let all: [String] =
        selectors + rangeFunctions + histograms + aggregations + binaryOperators
        + labelsAndMath + time + miscellaneous + failures

    static let selectors = [
        "sbs_queue_depth",
        #"sbs_http_requests_total{code=~"2.."}"#,
        #"sbs_http_requests_total{handler!="/health",code!~"5.*"}"#,
        #"{__name__=~"sbs_queue.*|sbs_flag"}"#,
        "sbs_queue_depth offset 6s",
        "sbs_queue_depth offset -4s",
        "sbs_queue_depth @ $E+9",
        "sbs_queue_depth @ start()",
        "sbs_queue_depth @ end() offset 3s",
        "sbs_queue_depth[9s]",
        "sbs_http_requests_total[7s] offset 4s",
        "-sbs_temperature_celsius",
        "sbs_nothing_here",
        "sbs_queue_depth[20s:5s]",
        "last_over_time(sbs_flag[10s] offset 5s)",
        "timestamp(sbs_queue_depth @ $E+9)",
        "up",
        "scrape_samples_scraped",
        "scrape_samples_post_metric_relabeling",
    ]

    static let rangeFunctions = [
        "rate(sbs_http_requests_total[10s])",
        "rate(sbs_http_requests_total[5s])",
        "irate(sbs_http_requests_total[10s])",
        "increase(sbs_http_requests_total[12s])",
        "increase(sbs_http_requests_total[8s] @ $E+13)",
        "delta(sbs_queue_depth[10s])",
        "delta(sbs_temperature_celsius[9s])",
        "idelta(sbs_queue_depth[10s])",
        "deriv(sbs_temperature_celsius[10s])",
        "deriv(sbs_queue_depth[20s])",
        "predict_linear(sbs_queue_depth[10s], 60)",
        "predict_linear(sbs_temperature_celsius[20s], -30)",
        "resets(sbs_http_requests_total[20s])",
        "changes(sbs_queue_depth[20s])",
        "changes(sbs_flag[20s])",
        "resets(sbs_queue_depth[20s])",
        "predict_linear(sbs_http_requests_total[10s] offset 1s, 10)",
        "avg_over_time(sbs_queue_depth[20s])",
        "min_over_time(sbs_temperature_celsius[10s])",
        "max_over_time(sbs_queue_depth[20s])",
        "sum_over_time(sbs_queue_depth[20s])",
        "count_over_time(sbs_http_requests_total[11s])",
        "quantile_over_time(0.75, sbs_queue_depth[20s])",
        "quantile_over_time(1.5, sbs_queue_depth[20s])",
        "stddev_over_time(sbs_queue_depth[20s])",
        "stdvar_over_time(sbs_temperature_celsius[20s])",
        "last_over_time(sbs_queue_depth[5s])",
        "present_over_time(sbs_flag[5s])",
        "absent_over_time(sbs_flag[5s])",
        #"absent_over_time(sbs_nothing_here{job="sbs",kind=~"x"}[5s])"#,
    ]

    static let histograms = [
        "histogram_quantile(0.9, rate(sbs_request_duration_seconds_bucket[10s]))",
        "histogram_quantile(0.5, sum by (le) (rate(sbs_request_duration_seconds_bucket[14s])))",
        "histogram_quantile(0.99, sum by (le, handler) (increase(sbs_request_duration_seconds_bucket[6s])))",
        "histogram_quantile(1.2, sum by (le) (rate(sbs_request_duration_seconds_bucket[10s])))",
        "histogram_quantile(-0.1, sum by (le) (rate(sbs_request_duration_seconds_bucket[10s])))",
        "histogram_quantile(0.5, sbs_request_duration_seconds_bucket)",
        "rate(sbs_request_duration_seconds_sum[10s]) / rate(sbs_request_duration_seconds_count[10s])",
    ]

    static let aggregations = [
        "sum(sbs_http_requests_total)",
        "sum by (handler) (rate(sbs_http_requests_total[10s]))",
        "sum without (code) (sbs_http_requests_total)",
        "sum(sbs_queue_depth) by (queue)",
        "avg(sbs_temperature_celsius)",
        "min(sbs_queue_depth)",
        "max by (handler) (sbs_http_requests_total)",
        "count(sbs_http_requests_total)",
        "count by (code) (sbs_http_requests_total)",
        "group by (handler) (sbs_http_requests_total)",
        "stddev(sbs_temperature_celsius)",
        "stdvar(sbs_queue_depth)",
        "topk(2, sbs_http_requests_total)",
        "bottomk(1, sbs_temperature_celsius)",
        "topk by (handler) (1, sbs_http_requests_total)",
        "quantile(0.5, sbs_temperature_celsius)",
        "quantile(0.3, sbs_http_requests_total)",
        #"count_values("depth", sbs_queue_depth)"#,
        #"count_values by (queue) ("value", sbs_queue_depth)"#,
        "sum(sbs_nothing_here)",
        "sum(rate(sbs_http_requests_total[10s])) without (code)",
        "count(count by (handler) (sbs_http_requests_total))",
        #"sum by (__name__) ({__name__=~"sbs_queue_depth|sbs_flag"})"#,
        #"topk(scalar(sbs_flag{unit="x"}) + 1, sbs_queue_depth)"#,
        "quantile(NaN, sbs_queue_depth)",
        "avg(sbs_http_requests_total * 1e300)",
    ]

    static let binaryOperators = [
        "sbs_queue_depth * 2 + 1",
        "sbs_queue_depth > 5",
        "sbs_queue_depth > bool 5",
        "sbs_queue_depth == bool 6",
        "5 < sbs_queue_depth",
        "2 ^ 3 ^ 2",
        "sbs_temperature_celsius % 3",
        "sbs_temperature_celsius / 0",
        "sbs_queue_depth atan2 sbs_temperature_celsius",
        "sbs_http_requests_total / ignoring(code) group_left sum without (code) (sbs_http_requests_total)",
        "rate(sbs_http_requests_total[10s]) / on(handler) group_left sum by (handler) (rate(sbs_http_requests_total[10s]))",
        "sbs_queue_depth * on() group_left(version) sbs_build_info",
        "sbs_build_info * on() group_right(version) sbs_queue_depth",
        "sbs_queue_depth and on() sbs_build_info",
        #"sbs_queue_depth and sbs_queue_depth{queue="a"}"#,
        "sbs_queue_depth or sbs_temperature_celsius",
        #"sbs_queue_depth unless sbs_queue_depth{queue="b"}"#,
        "sbs_queue_depth unless on() sbs_nothing_here",
        "sbs_queue_depth - sbs_queue_depth offset 4s",
        "sum(sbs_queue_depth) / count(sbs_queue_depth)",
        "sbs_queue_depth / on(queue) sbs_queue_depth",
        "sbs_queue_depth % 0",
        "0 / 0",
        "1 > bool 2",
        "1 + vector(2)",
        "-(vector(2))",
        "sbs_queue_depth and on(nothing) sbs_flag",
        "vector(12) == on() group_left max(sbs_queue_depth)",
    ]

    static let labelsAndMath = [
        #"label_replace(sbs_queue_depth, "name", "queue-$1", "queue", "(.*)")"#,
        #"label_replace(sbs_queue_depth, "queue", "", "queue", "a")"#,
        #"label_replace(sbs_http_requests_total, "family", "$2/$1", "handler", "/(a)(p)i")"#,
        #"label_join(sbs_http_requests_total, "key", ":", "code", "handler")"#,
        #"label_join(sbs_queue_depth, "queue", "", "nothing")"#,
        "abs(sbs_temperature_celsius)",
        "ceil(sbs_temperature_celsius)",
        "floor(sbs_temperature_celsius)",
        "round(sbs_temperature_celsius)",
        "round(sbs_temperature_celsius, 0.3)",
        "round(sbs_flag - 2.5)",
        "sqrt(sbs_temperature_celsius)",
        "exp(sbs_http_requests_total)",
        "sgn(sbs_flag)",
        "sqrt(sbs_queue_depth)",
        "exp(sbs_queue_depth)",
        "ln(sbs_temperature_celsius)",
        "log2(sbs_queue_depth)",
        "log10(sbs_http_requests_total)",
        "clamp(sbs_temperature_celsius, -1, 5)",
        "clamp(sbs_temperature_celsius, 5, -1)",
        "clamp_min(sbs_queue_depth, 4)",
        "clamp_max(sbs_queue_depth, 4)",
        "sgn(sbs_temperature_celsius)",
        "sin(sbs_queue_depth)",
        "cos(sbs_temperature_celsius)",
        "tan(sbs_queue_depth)",
        "asin(sbs_flag)",
        "acos(sbs_temperature_celsius / 100)",
        "atan(sbs_temperature_celsius)",
        "sinh(sbs_queue_depth)",
        "cosh(sbs_flag)",
        "tanh(sbs_temperature_celsius)",
        "asinh(sbs_temperature_celsius)",
        "acosh(sbs_queue_depth)",
        "atanh(sbs_flag / 2)",
        "deg(sbs_queue_depth)",
        "rad(sbs_temperature_celsius)",
        "pi()",
    ]

    static let time = [
        "time()",
        "timestamp(sbs_queue_depth)",
        "timestamp(sbs_queue_depth offset 5s)",
        "time() - timestamp(sbs_temperature_celsius)",
        "minute()",
        "hour(vector(1735689599))",
        "day_of_month(vector(1709164800))",
        "day_of_week(vector(1709164800))",
        "day_of_year(vector(1735603200))",
        "days_in_month(vector(1709164800))",
        "month(vector(1709164800))",
        "year(vector(1709164800))",
        "minute(timestamp(sbs_flag))",
    ]

    static let miscellaneous = [
        "absent(sbs_queue_depth)",
        #"absent(sbs_nothing_here{job="sbs",queue=~"x"})"#,
        "absent(nonexistent)",
        "sort(sbs_temperature_celsius)",
        "sort_desc(sbs_http_requests_total)",
        "vector(1)",
        "vector(time())",
        "scalar(sum(sbs_queue_depth))",
        "scalar(sbs_queue_depth)",
        "sbs_queue_depth * scalar(sbs_flag{unit=\"x\"})",
        "max_over_time(rate(sbs_http_requests_total[4s])[10s:2s])",
        "avg_over_time(sbs_queue_depth[10s:2s] offset 2s)",
        "min_over_time(deriv(sbs_temperature_celsius[6s])[12s:4s])",
        "sum_over_time(sbs_queue_depth[8s:])",
        "rate(sbs_http_requests_total[10s:2s])",
        "1",
        "-2.5e3",
        "Inf",
        "\"some text\"",
        "(sbs_queue_depth)",
    ]

    /// Queries that must fail on both, with the same error type.
    static let failures = [
        "sbs_http_requests_total + on(handler) sbs_http_requests_total",
        #"label_replace(sbs_queue_depth, "queue", "x", "", "")"#,
        "sum(",
        "rate(sbs_queue_depth)",
        "sbs_queue_depth * on() group_left sbs_http_requests_total",
        "sbs_queue_depth[5s] + 1",
    ]

    /// `query` with `$E+N` replaced by `epoch + N`.
    static func resolve(_ query: String, epoch: Int) -> String {
        var result = ""
        var rest = Substring(query)
        while let marker = rest.range(of: "$E+") {
            result += rest[..<marker.lowerBound]
            rest = rest[marker.upperBound...]
            let digits = rest.prefix { $0.isNumber }
            result += String(epoch + (Int(digits) ?? 0))
            rest = rest.dropFirst(digits.count)
        }
        return result + rest
    }
}
