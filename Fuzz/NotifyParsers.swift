// fuzz-modules: PromText Exporter RuleEval
import PromText
import RuleEval

/// Feeds arbitrary bytes to the Notify parsers that take outside input: Alertmanager matchers, JSON documents
/// and persisted silences. None may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotifyParsers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? AlertMatcherParser.parse(text)
    if let value = try? JSONParser.parse(bytes) {
        precondition((try? JSONParser.parse(value.encoded)) == value, "JSON does not round-trip")
    }
    _ = try? SilenceStore.decode(bytes)
    return 0
}
