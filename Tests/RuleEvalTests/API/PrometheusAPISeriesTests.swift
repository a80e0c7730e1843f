import Exporter
import Testing

@testable import RuleEval

@Suite struct PrometheusAPISeriesTests {
    private let api: PrometheusAPIFixture

    init() throws {
        api = try PrometheusAPIFixture()
    }

    @Test func seriesUnitesEveryMatchSortedByLabels() {
        let response = api.get(
            "/api/v1/series?match[]=up&match[]=http_requests_total&match[]=up%7Binstance%3D%22a%22%7D")
        #expect(
            response.text
                == #"{"status":"success","data":[{"__name__":"http_requests_total","code":"200","job":"api"},"#
                + #"{"__name__":"up","instance":"a","job":"node"},{"__name__":"up","instance":"b","job":"node"}]}"#)
    }

    @Test func seriesWithoutSamplesInTheRangeAreLeftOut() {
        #expect(api.get("/api/v1/series?match[]=up&start=1700000031").text == #"{"status":"success","data":[]}"#)
        #expect(
            api.get("/api/v1/series?match[]=up&start=1700000030&end=1700000030&limit=1").text
                == #"{"status":"success","data":[{"__name__":"up","instance":"a","job":"node"}],"#
                + #""warnings":["results truncated due to limit"]}"#)
    }

    @Test func seriesPostedAsAForm() {
        let response = api.post("/api/v1/series", body: "match%5B%5D=%7Bjob%3D%22api%22%7D")
        #expect(
            response.text
                == #"{"status":"success","data":[{"__name__":"http_requests_total","code":"200","job":"api"}]}"#)
    }

    @Test func labelNamesAndValues() {
        #expect(
            api.get("/api/v1/labels").text
                == #"{"status":"success","data":["__name__","code","instance","job"]}"#)
        #expect(
            api.get("/api/v1/labels?match[]=up").text
                == #"{"status":"success","data":["__name__","instance","job"]}"#)
        #expect(
            api.get("/api/v1/label/__name__/values").text
                == #"{"status":"success","data":["http_requests_total","up"]}"#)
        #expect(
            api.get("/api/v1/label/job/values?match[]=%7Bcode%3D%22200%22%7D").text
                == #"{"status":"success","data":["api"]}"#)
        #expect(api.get("/api/v1/label/missing/values").text == #"{"status":"success","data":[]}"#)
    }

    @Test(arguments: [
        ("/api/v1/series", "no match[] parameter provided"),
        (
            "/api/v1/series?match[]=%7Bjob%3D~%22.*%22%7D",
            #"invalid parameter \"match[]\": 1:1: parse error: vector selector must contain at least one non-empty "#
                + "matcher"
        ),
        ("/api/v1/labels?match[]=up%7B", "1:4: parse error: unexpected end of input inside braces"),
        (
            "/api/v1/labels?start=x",
            #"invalid parameter \"start\": invalid time value for 'start': cannot parse \"x\" to a valid timestamp"#
        ),
        ("/api/v1/label/job/values?limit=-1", #"invalid parameter \"limit\": limit must be non-negative"#),
        ("/api/v1/label//values", #"invalid label name: \"\""#),
    ])
    func badRequests(target: String, message: String) {
        let response = api.get(target)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"status":"error","errorType":"bad_data","error":""# + message + #""}"#)
    }

    @Test func otherPathsUnderLabelAreNotFound() {
        #expect(api.get("/api/v1/label/job").status == .notFound)
        #expect(api.get("/api/v1/label/a/b/values").status == .notFound)
        #expect(api.get("/api/v1/label/values").status == .notFound)
    }

    @Test func metadataIsAnEmptyMap() {
        #expect(api.get("/api/v1/metadata").text == #"{"status":"success","data":{}}"#)
    }
}
