// fuzz-modules: PromText Exporter RuleEval
import RuleEval

/// Parses arbitrary bytes as an alert template and, when they parse, expands them over a fixed alert with a query
/// hook, so the lexer, parser, executor, formatter and functions all see hostile input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplateParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let template = try? AlertTemplate.parse(text, name: "Fuzz") else { return 0 }
    let samples = [
        TemplateQuerySample(labels: ["__name__": "up", "instance": "a:9100", "job": "node"], value: 1),
        TemplateQuerySample(labels: ["__name__": "up", "instance": "b.example.com:9100"], value: .nan),
    ]
    _ = template.expand(
        labels: ["job": "api", "instance": "host-1.example.com:9100", "severity": "page"],
        externalLabels: ["region": "eu"], externalURL: "http://prom.example.com/prometheus", value: 1234.5678,
        evaluationTime: 1_700_000_000, query: { expression in expression.count % 2 == 0 ? samples : [] })
    return 0
}
