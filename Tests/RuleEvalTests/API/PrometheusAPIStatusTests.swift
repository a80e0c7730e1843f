import Exporter
import Testing

@testable import RuleEval

@Suite struct PrometheusAPIStatusTests {
    private let api: PrometheusAPIFixture

    init() throws {
        api = try PrometheusAPIFixture()
    }

    private static let target =
        #"{"discoveredLabels":{"__address__":"a:9100","__metrics_path__":"/metrics","__scheme__":"http","#
        + #""__scrape_interval__":"15s","__scrape_timeout__":"5s","job":"node"},"#
        + #""labels":{"instance":"a:9100","job":"node"},"scrapePool":"node","#
        + #""scrapeUrl":"http://a:9100/metrics","globalUrl":"http://a:9100/metrics","#
        + #""lastError":"connection refused","lastScrape":"2023-11-14T22:13:50.123Z","lastScrapeDuration":0.0025,"#
        + #""health":"down","scrapeInterval":"15s","scrapeTimeout":"5s"}"#

    @Test func targetsInPrometheusShape() {
        #expect(
            api.get("/api/v1/targets").text
                == #"{"status":"success","data":{"activeTargets":["# + Self.target
                + #"],"droppedTargets":[],"droppedTargetCounts":{"node":0}}}"#)
        #expect(
            api.get("/api/v1/targets?state=active").text
                == #"{"status":"success","data":{"activeTargets":["# + Self.target
                + #"],"droppedTargets":[],"droppedTargetCounts":null}}"#)
        #expect(
            api.get("/api/v1/targets?scrapePool=other").text
                == #"{"status":"success","data":{"activeTargets":[],"droppedTargets":[],"droppedTargetCounts":{}}}"#)
    }

    private static let recordingRule =
        #"{"name":"job:up:sum","query":"sum by (job) (up)","health":"ok","evaluationTime":0.00025,"#
        + #""lastEvaluation":"2023-11-14T22:13:50Z","type":"recording"}"#

    private static let alert =
        #"{"labels":{"alertname":"InstanceDown","instance":"a","job":"node","severity":"page"},"#
        + #""annotations":{"summary":"a is down"},"state":"firing","activeAt":"2023-11-14T22:13:50Z","value":"0e+00"}"#

    private static func alertingRule(alerts: String) -> String {
        #"{"state":"firing","name":"InstanceDown","query":"up == 0","duration":0,"keepFiringFor":60,"#
            + #""labels":{"severity":"page"},"annotations":{"summary":"{{ $labels.instance }} is down"},"#
            + #""alerts":"# + alerts + #","health":"err","lastError":"boom","evaluationTime":0.0005,"#
            + #""lastEvaluation":"2023-11-14T22:13:50Z","type":"alerting"}"#
    }

    private static func groups(_ rules: String) -> String {
        #"{"status":"success","data":{"groups":[{"name":"node","file":"rules/node.yml","rules":["# + rules
            + #"],"interval":15,"limit":0,"evaluationTime":0.0015,"lastEvaluation":"2023-11-14T22:13:50Z"}]}}"#
    }

    @Test func rulesInPrometheusShape() {
        #expect(
            api.get("/api/v1/rules").text
                == Self.groups(Self.recordingRule + "," + Self.alertingRule(alerts: "[" + Self.alert + "]")))
        #expect(api.get("/api/v1/rules?type=record").text == Self.groups(Self.recordingRule))
        #expect(
            api.get("/api/v1/rules?type=ALERT&exclude_alerts=TRUE").text
                == Self.groups(Self.alertingRule(alerts: "null")))
        #expect(
            api.get("/api/v1/rules?match[]=%7Bseverity%3D%22page%22%7D").text
                == Self.groups(Self.alertingRule(alerts: "[" + Self.alert + "]")))
        #expect(
            api.get("/api/v1/rules?rule_name[]=job:up:sum&file[]=rules/node.yml").text
                == Self.groups(Self.recordingRule))
        #expect(
            api.get("/api/v1/rules?rule_group[]=other").text == #"{"status":"success","data":{"groups":[]}}"#)
    }

    @Test(arguments: [
        ("type=both", #"invalid parameter \"type\": not supported value \"both\""#),
        (
            "exclude_alerts=yes",
            #"invalid parameter \"exclude_alerts\": error converting exclude_alerts: strconv.ParseBool: "#
                + #"parsing \"yes\": invalid syntax"#
        ),
        (
            "match[]=rate(x%5B5m%5D)",
            #"invalid parameter \"match[]\": 1:1: parse error: \"rate(x[5m])\" is not a series selector"#
        ),
    ])
    func rulesRejectsBadFilters(query: String, message: String) {
        let response = api.get("/api/v1/rules?" + query)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"status":"error","errorType":"bad_data","error":""# + message + #""}"#)
    }

    @Test func alertsListsActiveAlerts() {
        #expect(api.get("/api/v1/alerts").text == #"{"status":"success","data":{"alerts":["# + Self.alert + "]}}")
    }

    @Test func buildInfoFlagsAndRuntimeInfo() {
        #expect(
            api.get("/api/v1/status/buildinfo").text
                == #"{"status":"success","data":{"version":""# + BuildInfo.version
                + #"","revision":"","branch":"","buildUser":"","buildDate":"","goVersion":"swift6"}}"#)
        #expect(
            api.get("/api/v1/status/flags").text == #"{"status":"success","data":{"config.file":"ruleeval.yml"}}"#)
        let runtime = api.get("/api/v1/status/runtimeinfo").text
        #expect(runtime.hasPrefix(#"{"status":"success","data":{"startTime":"2023-11-14T21:56:40Z","CWD":"/"#))
        #expect(
            runtime.hasSuffix(
                #""reloadConfigSuccess":true,"lastConfigTime":"2023-11-14T21:56:40Z","corruptionCount":0,"#
                    + #""goroutineCount":0,"GOMAXPROCS":0,"GOMEMLIMIT":0,"GOGC":"","GODEBUG":"","storageRetention":""}}"#
            ))
    }

    @Test func statusEndpointsAnswerOnlyGet() {
        let response = api.post("/api/v1/rules", body: "")
        #expect(response.status == .methodNotAllowed)
    }
}
