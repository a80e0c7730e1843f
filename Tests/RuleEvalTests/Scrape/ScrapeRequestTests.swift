import Glibc
import PromText
import Testing

@testable import RuleEval

@Suite struct ScrapeRequestTests {
    @Test func acceptIsPrometheus3sDefault() {
        #expect(
            ScrapeRequest.accept
                == "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
                + "application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,"
                + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2")
    }

    @Test(arguments: [(Int64(10_000), "10"), (500, "0.5"), (1250, "1.25"), (15, "0.015"), (0, "0")])
    func timeoutSecondsAreFormattedAsGoFormatsFloats(milliseconds: Int64, text: String) {
        #expect(ScrapeRequest.secondsText(PrometheusDuration(milliseconds: milliseconds)) == text)
    }

    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("user:pa55", "dXNlcjpwYTU1")])
    func base64MatchesRFC4648(input: String, encoded: String) {
        #expect(Base64.encode(Array(input.utf8)) == encoded)
    }

    @Test func authorizationHeadersComeFromInlineValuesOrFiles() throws {
        var config = ScrapeConfiguration(jobName: "j")
        config.basicAuth = BasicAuthentication(username: "user", password: "pa55")
        var headers = try ScrapeRequest.headers(for: config, timeout: .seconds(10))
        #expect(headers["Authorization"] == "Basic dXNlcjpwYTU1")
        #expect(headers["X-Prometheus-Scrape-Timeout-Seconds"] == "10")
        #expect(headers["Accept-Encoding"] == "gzip")

        let path = "/tmp/tocsin-scrape-credentials-\(getpid())"
        let file = try #require(fopen(path, "w"))
        fputs("s3cret\n", file)
        fclose(file)
        defer { unlink(path) }
        config.basicAuth = nil
        config.authorization = Authorization(type: "Bearer", credentialsFile: path)
        headers = try ScrapeRequest.headers(for: config, timeout: .seconds(10))
        #expect(headers["Authorization"] == "Bearer s3cret")

        config.authorization = Authorization(credentialsFile: path + ".missing")
        #expect(throws: ScrapeRequestError.self) { try ScrapeRequest.headers(for: config, timeout: .seconds(1)) }
    }

    @Test func offsetsAreStablePerTargetAndWithinTheInterval() throws {
        let config = ScrapeConfiguration(jobName: "j", scrapeInterval: .seconds(15), scrapeTimeout: .seconds(5))
        let first = try #require(try ScrapeTarget(address: "a:1", configuration: config))
        let second = try #require(try ScrapeTarget(address: "b:1", configuration: config))
        let interval = Duration.seconds(15)
        let now: Int64 = 1_700_000_000_123_456_789
        for target in [first, second] {
            let delay = ScrapeOffset.delay(for: target, interval: interval, now: now)
            #expect(delay > .zero && delay <= interval)
            let later = ScrapeOffset.delay(for: target, interval: interval, now: now + 1_000_000_000)
            #expect(delay - later == .seconds(1) || later - delay == .seconds(14))
        }
        #expect(
            ScrapeOffset.delay(for: first, interval: interval, now: now)
                != ScrapeOffset.delay(for: second, interval: interval, now: now))
    }
}
