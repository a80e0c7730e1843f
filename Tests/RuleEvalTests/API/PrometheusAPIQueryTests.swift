import Exporter
import PromText
import Testing

@testable import RuleEval

@Suite struct PrometheusAPIQueryTests {
    private let api: PrometheusAPIFixture

    init() throws {
        api = try PrometheusAPIFixture()
    }

    @Test func instantVectorUsesTheQueryTimeForEverySample() {
        let response = api.get("/api/v1/query?query=up&time=1700000030.5")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(
            response.text
                == #"{"status":"success","data":{"resultType":"vector","result":["#
                + #"{"metric":{"__name__":"up","instance":"a","job":"node"},"value":[1700000030.500,"0"]},"#
                + #"{"metric":{"__name__":"up","instance":"b","job":"node"},"value":[1700000030.500,"1"]}]}}"#)
    }

    @Test(arguments: [
        ("1%2B1", #"{"resultType":"scalar","result":[1700000000,"2"]}"#),
        ("%22hi%22", #"{"resultType":"string","result":[1700000000,"hi"]}"#),
        ("1%2F0", #"{"resultType":"scalar","result":[1700000000,"+Inf"]}"#),
        ("0%2F0", #"{"resultType":"scalar","result":[1700000000,"NaN"]}"#),
        ("1e-7", #"{"resultType":"scalar","result":[1700000000,"1e-07"]}"#),
        ("123456789.25", #"{"resultType":"scalar","result":[1700000000,"123456789.25"]}"#),
    ])
    func scalarAndStringResults(query: String, data: String) {
        let response = api.get("/api/v1/query?query=\(query)&time=1700000000")
        #expect(response.text == #"{"status":"success","data":"# + data + "}")
    }

    @Test func instantMatrixKeepsSampleTimestamps() {
        let response = api.get("/api/v1/query?query=up%7Binstance%3D%22a%22%7D%5B30s%5D&time=1700000030")
        #expect(
            response.text
                == #"{"status":"success","data":{"resultType":"matrix","result":["#
                + #"{"metric":{"__name__":"up","instance":"a","job":"node"},"#
                + #""values":[[1700000015,"1"],[1700000030,"0"]]}]}}"#)
    }

    @Test func postedFormBodyWinsOverTheURL() {
        let response = api.post("/api/v1/query?query=2", body: "query=1%2B1&time=1700000000")
        #expect(response.text == #"{"status":"success","data":{"resultType":"scalar","result":[1700000000,"2"]}}"#)
    }

    @Test func timeDefaultsToNow() {
        let response = api.get("/api/v1/query?query=time()")
        #expect(
            response.text == #"{"status":"success","data":{"resultType":"scalar","result":[1700000030,"1700000030"]}}"#)
    }

    @Test func rangeQueryStepsThroughTheRangeSortedByLabels() {
        let response = api.get(
            "/api/v1/query_range?query=up&start=2023-11-14T22:13:20Z&end=1700000030&step=15s")
        #expect(
            response.text
                == #"{"status":"success","data":{"resultType":"matrix","result":["#
                + #"{"metric":{"__name__":"up","instance":"a","job":"node"},"#
                + #""values":[[1700000000,"1"],[1700000015,"1"],[1700000030,"0"]]},"#
                + #"{"metric":{"__name__":"up","instance":"b","job":"node"},"#
                + #""values":[[1700000000,"1"],[1700000015,"1"],[1700000030,"1"]]}]}}"#)
    }

    @Test func rangeQueryOfAScalarIsOneSeriesWithoutLabels() {
        let response = api.post(
            "/api/v1/query_range", body: "query=time()&start=1700000000&end=1700000001&step=0.5")
        #expect(
            response.text
                == #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":["#
                + #"[1700000000,"1700000000"],[1700000000.500,"1700000000.5"],[1700000001,"1700000001"]]}]}}"#)
    }

    @Test func rangeQueryResolvesStartAndEndModifiers() {
        let response = api.get(
            "/api/v1/query_range?query=up%7Binstance%3D%22a%22%7D%20%40%20end()&start=1700000000&end=1700000030"
                + "&step=30")
        #expect(
            response.text
                == #"{"status":"success","data":{"resultType":"matrix","result":["#
                + #"{"metric":{"__name__":"up","instance":"a","job":"node"},"#
                + #""values":[[1700000000,"0"],[1700000030,"0"]]}]}}"#)
    }

    @Test(arguments: [
        (
            "/api/v1/query?query=up%7B", 400, "bad_data",
            #"invalid parameter \"query\": 1:4: parse error: unexpected end of input inside braces"#
        ),
        (
            "/api/v1/query?query=up&time=yesterday", 400, "bad_data",
            #"invalid parameter \"time\": invalid time value for 'time': cannot parse \"yesterday\" to a valid timestamp"#
        ),
        (
            "/api/v1/query?query=up&timeout=soon", 400, "bad_data",
            #"invalid parameter \"timeout\": cannot parse \"soon\" to a valid duration"#
        ),
        (
            "/api/v1/query?query=label_replace(up,%22instance%22,%22x%22,%22%22,%22%22)&time=1700000000", 422,
            "execution", "vector cannot contain metrics with the same labelset"
        ),
        (
            "/api/v1/query_range?query=up&start=10&end=5&step=1", 400, "bad_data",
            #"invalid parameter \"end\": end timestamp must not be before start time"#
        ),
        (
            "/api/v1/query_range?query=up&end=5&step=1", 400, "bad_data",
            #"invalid parameter \"start\": cannot parse \"\" to a valid timestamp"#
        ),
        (
            "/api/v1/query_range?query=up&start=0&end=5&step=0", 400, "bad_data",
            #"invalid parameter \"step\": zero or negative query resolution step widths are not accepted. "#
                + "Try a positive integer"
        ),
        (
            "/api/v1/query_range?query=up&start=0&end=5&step=1e300", 400, "bad_data",
            #"invalid parameter \"step\": cannot parse \"1e300\" to a valid duration. It overflows int64"#
        ),
        (
            "/api/v1/query_range?query=up&start=0&end=11001&step=1", 400, "bad_data",
            "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution "
                + "(?step=XX)"
        ),
        (
            "/api/v1/query_range?query=up%5B5m%5D&start=0&end=10&step=1", 400, "bad_data",
            #"invalid parameter \"query\": invalid expression type \"range vector\" for range query, "#
                + "must be Scalar or instant Vector"
        ),
        (
            "/api/v1/query_exemplars?query=up%7B", 400, "bad_data",
            "1:4: parse error: unexpected end of input inside braces"
        ),
    ])
    func errorsUsePrometheusTypesCodesAndMessages(target: String, code: Int, type: String, message: String) {
        let response = api.get(target)
        #expect(response.status.code == code)
        #expect(response.text == #"{"status":"error","errorType":""# + type + #"","error":""# + message + #""}"#)
    }

    @Test func rangeQueryPastItsTimeoutFails() {
        let response = api.get("/api/v1/query_range?query=up&start=0&end=10&step=1&timeout=-1")
        #expect(response.status == .serviceUnavailable)
        #expect(
            response.text == #"{"status":"error","errorType":"timeout","error":"query timed out in query execution"}"#)
    }

    @Test func elevenThousandStepsAreStillAllowed() {
        let response = api.get("/api/v1/query_range?query=1&start=0&end=11000&step=1")
        #expect(response.status == .ok)
        #expect(response.text.hasSuffix(#"[11000,"1"]]}]}}"#))
    }

    @Test func exemplarsAreAnEmptyList() {
        #expect(api.get("/api/v1/query_exemplars?query=up").text == #"{"status":"success","data":[]}"#)
        let constant = api.get("/api/v1/query_exemplars?query=1%2B1")
        #expect(constant.status == .noContent)
        #expect(constant.body.isEmpty)
    }
}
