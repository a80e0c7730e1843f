import Exporter
import PromText

/// `tocsin-ruleeval check metrics`: lints an exposition read from standard input, as `promtool check metrics`
/// does — parse errors exit 1 (`error while linting: ...`), lint problems are printed one per line to standard
/// error and exit 3, a clean input exits 0.
///
/// `--content-type=VALUE` parses as a scrape with that Content-Type would (so OpenMetrics can be checked; it is
/// then held to the OpenMetrics 1.0 specification, stricter than Prometheus's scrape), and `--format=json`
/// prints every parsed sample as one JSON line `{"labels":{...},"value":"...","timestamp_ms":N|null}` with the
/// value formatted as Prometheus's HTTP API formats it.
public struct CheckMetricsCommand: Sendable {
    /// The flags this subcommand accepts.
    public static let flags = [
        FlagSpec("content-type", default: ExpositionFormat.text.contentType, help: "Content-Type of the input."),
        FlagSpec("format", default: "text", help: "Output format: text (lint only) or json (samples as JSON lines)."),
    ]

    /// The Content-Type to parse as.
    public var contentType: String
    /// Whether to print samples as JSON lines.
    public var printsJSON: Bool

    /// Reads the subcommand's flags.
    public init(flags: ParsedFlags) throws(FlagError) {
        contentType = flags.string("content-type") ?? ExpositionFormat.text.contentType
        switch flags.string("format") {
        case "json": printsJSON = true
        case "text", nil: printsJSON = false
        case let other?: throw FlagError("invalid value '\(other)' for --format: expected text or json")
        }
    }

    /// Checks `input` and returns what to print and the exit code.
    public func run(input: [UInt8]) -> CommandResult {
        guard let format = ExpositionFormat(contentType: contentType) else {
            return CommandResult(
                exitCode: ExitCode.failure,
                error: "error while linting: unsupported Content-Type \"\(contentType)\"\n")
        }
        let strictness: ExpositionStrictness = format == .openMetrics ? .openMetricsSpec : .prometheus
        let families: [MetricFamily]
        do {
            families = try ExpositionParser.parseFamilies(input, format: format, strictness: strictness)
        } catch {
            return CommandResult(exitCode: ExitCode.failure, error: "error while linting: \(error)\n")
        }
        var output: [UInt8] = []
        if printsJSON {
            for family in families {
                for sample in family.samples { Self.appendJSONLine(sample, to: &output) }
            }
        }
        let problems = MetricLinter.lint(families)
        return CommandResult(
            exitCode: problems.isEmpty ? ExitCode.success : ExitCode.lintProblems,
            output: String(decoding: output, as: UTF8.self),
            error: problems.map { "\($0)\n" }.joined()
        )
    }

    /// `{"labels":{"__name__":"x","a":"b"},"value":"1.5","timestamp_ms":null}` and a newline.
    static func appendJSONLine(_ sample: Sample, to output: inout [UInt8]) {
        output += Array(#"{"labels":{"__name__":"#.utf8)
        JSONText.appendQuoted(sample.name, to: &output)
        for label in sample.labels.sorted() where !label.value.isEmpty {
            output.append(UInt8(ascii: ","))
            JSONText.appendQuoted(label.name, to: &output)
            output.append(UInt8(ascii: ":"))
            JSONText.appendQuoted(label.value, to: &output)
        }
        output += Array(#"},"value":""#.utf8)
        GoFloat.appendJSON(sample.value, to: &output)
        output += Array(#"","timestamp_ms":"#.utf8)
        if let timestamp = sample.timestampMilliseconds {
            GoFloat.appendInteger(timestamp, to: &output)
        } else {
            output += Array("null".utf8)
        }
        output += Array("}\n".utf8)
    }
}
