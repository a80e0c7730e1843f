import Synchronization
import Testing

@testable import Exporter

@Suite struct LoggerTests {
    private func capture(_ format: LogFormat, level: LogLevel = .info, _ body: (Logger) -> Void) -> [String] {
        let lines = Mutex<[String]>([])
        let logger = Logger(level: level, format: format) { line in lines.withLock { $0.append(line) } }
        body(logger)
        return lines.withLock { $0 }
    }

    @Test func logfmtQuotesOnlyWhenNeeded() {
        let lines = capture(.logfmt) { $0.info("config loaded", ["file": "a.yml", "err": "bad \"x\" = y"]) }
        #expect(lines.count == 1)
        let line = lines[0]
        #expect(line.hasPrefix("ts="))
        #expect(line.hasSuffix(#" level=info msg="config loaded" file=a.yml err="bad \"x\" = y""# + "\n"))
    }

    @Test func jsonEscapesControlCharacters() {
        let lines = capture(.json) { $0.warn("a\nb", ["k": "\u{1}"]) }
        #expect(lines[0].contains(#""level":"warn","msg":"a\nb","k":"\u0001"}"#))
        #expect(lines[0].hasPrefix(#"{"ts":""#))
    }

    @Test func levelsBelowTheThresholdAreDropped() {
        let lines = capture(.logfmt, level: .warn) {
            $0.debug("d")
            $0.info("i")
            $0.error("e")
        }
        #expect(lines.count == 1)
        #expect(lines[0].contains("level=error"))
    }

    @Test func timestampIsRFC3339WithMilliseconds() {
        let stamp = Logger.timestamp()
        #expect(stamp.count == 24)
        #expect(stamp.hasSuffix("Z"))
        #expect(Array(stamp)[10] == "T")
    }
}
