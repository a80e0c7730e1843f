// fuzz-modules: PromText Exporter RuleEval
import RuleEval

/// Decodes the input as an `alertmanager.yml` for direct dispatch, so the strict decoding, the matcher and URL
/// checks and the routing-tree validation run on whatever the YAML parser accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAlertmanagerConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = try? NotifyConfiguration.parse(bytes, fileName: "fuzz.yml")
    return 0
}
