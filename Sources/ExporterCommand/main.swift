import Exporter
import Glibc

let parser = FlagParser(ExporterConfiguration.flags)
let configuration: ExporterConfiguration
do {
    let flags = try parser.parse(Array(CommandLine.arguments.dropFirst()))
    if flags.bool("help") {
        StandardStreams.writeOutput(
            parser.usage(program: "tocsin-exporter", summary: "A node_exporter-compatible exporter with health probes.")
                + "\n")
        exit(0)
    }
    if flags.bool("version") {
        StandardStreams.writeOutput("tocsin-exporter, version \(BuildInfo.version)\n")
        exit(0)
    }
    guard flags.positional.isEmpty else { throw FlagError("unexpected argument '\(flags.positional[0])'") }
    configuration = try ExporterConfiguration(flags: flags)
} catch {
    StandardStreams.writeError("tocsin-exporter: error: \(error)\n")
    exit(2)
}

let logger = Logger(level: configuration.logLevel, format: configuration.logFormat)
do {
    let application = try ExporterApplication(configuration: configuration, logger: logger)
    _ = try application.start()
    exit(application.runUntilSignalled())
} catch {
    logger.error("Failed to start", ["err": "\(error)"])
    exit(1)
}
