// fuzz-modules: PromText Exporter RuleEval
import RuleEval

/// Parses arbitrary text as PromQL; whatever parses must print to text that parses back to the same tree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPromQLParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let parsed = try? PromQLParser.parse(text) else { return 0 }
    let printed = parsed.description
    guard let reparsed = try? PromQLParser.parse(printed) else {
        fatalError("printed form does not parse: \(printed)")
    }
    precondition(reparsed.strippingPositions() == parsed.strippingPositions(), "round trip changed \(printed)")
    return 0
}
