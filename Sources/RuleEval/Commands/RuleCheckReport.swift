/// What `check rules` and `check config` have printed so far and whether anything failed.
struct RuleCheckReport {
    var output = ""
    var error = ""
    /// A file had an error other than a lint problem.
    var hasErrors = false
    /// A file had lint problems.
    var hasLintProblems = false

    /// Checks one rule file and reports it; `errorIndent` goes in front of each problem (`check config`
    /// indents them by five spaces, `check rules` not at all).
    mutating func checkRuleFile(_ path: String, lint: RuleLintSettings, errorIndent: String) {
        output += "Checking \(path)\n"
        var problems: [String] = []
        do throws(RuleFileError) {
            let file = try RuleFile.load(fileAt: path, checks: .promtool)
            let duplicates = lint.checksDuplicateRules ? file.duplicateRules() : []
            if duplicates.isEmpty {
                output += "  SUCCESS: \(file.groups.reduce(0) { $0 + $1.rules.count }) rules found\n"
            } else {
                hasLintProblems = true
                problems = ["lint error " + RuleFile.duplicateRulesMessage(duplicates)]
            }
        } catch {
            hasErrors = true
            problems = error.errors.map(Self.promtoolText)
        }
        if !problems.isEmpty {
            self.error += "  FAILED:\n" + problems.map { errorIndent + $0 + "\n" }.joined()
        }
        output += "\n"
    }

    /// The exit code promtool gives: 1 for errors, 3 for lint problems under `--lint-fatal`, else 0.
    func result(lint: RuleLintSettings) -> CommandResult {
        let exitCode =
            hasErrors ? ExitCode.failure : hasLintProblems && lint.isFatal ? ExitCode.lintProblems : ExitCode.success
        return CommandResult(exitCode: exitCode, output: output, error: error)
    }

    /// An error as promtool prints rule file errors: `file: line:col: message` (`file: message` for an
    /// error about the whole file).
    private static func promtoolText(_ error: YAMLError) -> String {
        error.position == .wholeFile
            ? "\(error.fileName): \(error.message)" : "\(error.fileName): \(error.position): \(error.message)"
    }
}
