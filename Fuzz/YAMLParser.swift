// fuzz-modules: PromText Exporter RuleEval
import RuleEval

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = try? YAMLParser.parse(bytes, fileName: "fuzz.yml")
    return 0
}
