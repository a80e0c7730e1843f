import Exporter
import Glibc
import RuleEval

let arguments = Array(CommandLine.arguments.dropFirst())
if EvaluatorCommand.isServiceInvocation(arguments) {
    exit(EvaluatorCommand.run(arguments))
}
let result = RuleEvalCommandLine.run(arguments, readInput: StandardStreams.readInput)
StandardStreams.writeOutput(result.output)
StandardStreams.writeError(result.error)
exit(result.exitCode)
