import Exporter
import Glibc
import RuleEval

// tocsin-webhook-printer [--web.listen-address=127.0.0.1:9095 ...]: a local notification receiver that prints every
// POST it gets (webhook messages and Alertmanager API alerts summarised) and answers 200. The flag may be repeated
// to listen on several addresses (scripts/run.sh: 9095 for direct dispatch, 9093 standing in for an Alertmanager).
let parser = FlagParser([
    FlagSpec(
        "web.listen-address", kind: .repeated, default: "127.0.0.1:9095",
        help: "Address to receive webhooks on (repeatable)."),
    FlagSpec("help", kind: .boolean, default: "false", help: "Show this help."),
])
do {
    let flags = try parser.parse(Array(CommandLine.arguments.dropFirst()))
    if flags.bool("help") {
        StandardStreams.writeOutput(
            parser.usage(program: "tocsin-webhook-printer", summary: "Prints the notifications POSTed to it.") + "\n")
        exit(0)
    }
    var router = Router()
    router.register(prefix: "/", methods: [.post, .put]) { request in
        let lines = WebhookSummary.lines(
            path: request.path, body: request.body, idempotencyKey: request.headers["idempotency-key"])
        StandardStreams.writeOutput(lines.map { $0 + "\n" }.joined())
        return HTTPResponse(status: .ok)
    }
    var servers: [HTTPServer] = []
    for text in flags.strings("web.listen-address") {
        let address = try ListenAddress(parsing: text)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: address.host, port: address.port), router: router)
        _ = try server.start()
        servers.append(server)
    }
    // One coordinator owns the signals; the other listeners stop after it.
    guard let first = servers.first else { throw FlagError("--web.listen-address: no address given") }
    let shutdown = GracefulShutdown(
        server: first, health: HealthChecks(), drainDelay: .zero, gracePeriod: .seconds(1))
    shutdown.installSignalHandlers()
    shutdown.wait()
    for server in servers.dropFirst() { server.shutdown(gracePeriod: .seconds(1)) }
} catch {
    StandardStreams.writeError("tocsin-webhook-printer: error: \(error)\n")
    exit(2)
}
