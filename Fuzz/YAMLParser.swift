// fuzz-modules: PromText Exporter RuleEval
import RuleEval

/// Parses the input as YAML, then decodes it as a Prometheus configuration and as a rule file, so the typed
/// decoding and validation run on whatever the parser accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard (try? YAMLParser.parse(bytes, fileName: "fuzz.yml")) != nil else { return 0 }
    _ = try? PrometheusConfiguration.parse(bytes, fileName: "fuzz.yml", directory: "/etc/prometheus")
    _ = try? RuleFile.parse(bytes, fileName: "fuzz.yml").duplicateRules()
    return 0
}
