/// `tocsin-bench [promtext|instruments|render|parse|peers|engine|dispatch]`: prints benchmark figures (run in release mode).
let suite = CommandLine.arguments.dropFirst().first ?? "promtext"
switch suite {
case "instruments": runInstrumentBenchmarks()
case "render": runRenderBenchmarks()
case "parse": runParseBenchmarks()
case "peers": runPeerComparison()
case "engine": runEngineBenchmarks()
case "dispatch": runDirectDispatchBenchmarks()
case "promtext":
    runInstrumentBenchmarks()
    runRenderBenchmarks()
    runParseBenchmarks()
    runPeerComparison()
default:
    print("usage: tocsin-bench [promtext|instruments|render|parse|peers|engine|dispatch]")
}
