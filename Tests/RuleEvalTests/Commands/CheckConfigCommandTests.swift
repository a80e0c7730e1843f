import RuleEval
import Testing

/// `check config` on a configuration and the rule files it names, with promtool 2.42's texts.
@Suite struct CheckConfigCommandTests {
    @Test func checksTheRuleFilesTheConfigurationNames() throws {
        let directory = try ScratchDirectory([
            "prometheus.yml": "rule_files:\n  - rules/*.yml\n  - more/dup.yml\n",
            "rules/a.yml": CheckRulesCommandTests.good,
            "rules/b.yml": CheckRulesCommandTests.bad,
            "more/dup.yml": CheckRulesCommandTests.duplicates,
        ])
        let result = directory.check(["config"], files: ["prometheus.yml"])
        #expect(result.exitCode == 1)
        #expect(
            result.output == """
                Checking prometheus.yml
                  SUCCESS: 3 rule files found
                 SUCCESS: prometheus.yml is valid prometheus config file syntax

                Checking rules/a.yml
                  SUCCESS: 2 rules found

                Checking rules/b.yml

                Checking more/dup.yml


                """)
        #expect(result.error.hasPrefix("  FAILED:\n     rules/b.yml: 5:15: group \"g\""))
        #expect(result.error.hasSuffix("  FAILED:\n     " + CheckRulesCommandTests.duplicateMessage))
    }

    @Test func lintOnlyProblemsExitThreeWithLintFatal() throws {
        let directory = try ScratchDirectory([
            "prometheus.yml": "rule_files: [dup.yml]\n", "dup.yml": CheckRulesCommandTests.duplicates,
        ])
        #expect(directory.check(["config"], files: ["prometheus.yml"]).exitCode == 0)
        #expect(directory.check(["config", "--lint-fatal"], files: ["prometheus.yml"]).exitCode == 3)
    }

    @Test func configurationErrorsSkipTheRuleFiles() throws {
        let directory = try ScratchDirectory([
            "missing.yml": "rule_files:\n  - nothere.yml\n",
            "typo.yml": "global:\n  scrape_intervl: 15s\nrule_files: [bad.yml]\n",
            "bad.yml": CheckRulesCommandTests.bad,
        ])
        let result = directory.check(["config"], files: ["missing.yml", "typo.yml"])
        #expect(result.exitCode == 1)
        #expect(result.output == "Checking missing.yml\n\nChecking typo.yml\n\n")
        #expect(
            result.error == """
                  FAILED: "nothere.yml" does not point to an existing file
                  FAILED: typo.yml:2:3: field scrape_intervl not found in type config.GlobalConfig

                """)
    }

    @Test func aConfigurationWithoutRuleFilesPrintsOnlyItsSyntaxLine() throws {
        let directory = try ScratchDirectory(["empty.yml": "", "globbed.yml": "rule_files: ['*.nomatch']\n"])
        let result = directory.check(["config"], files: ["empty.yml", "globbed.yml"])
        #expect(
            result
                == CommandResult(
                    exitCode: 0,
                    output: """
                        Checking empty.yml
                         SUCCESS: empty.yml is valid prometheus config file syntax

                        Checking globbed.yml
                         SUCCESS: globbed.yml is valid prometheus config file syntax


                        """))
    }

    @Test func syntaxOnlyDoesNotReadRuleFiles() throws {
        let directory = try ScratchDirectory(["prometheus.yml": "rule_files: [nothere.yml]\n"])
        #expect(directory.check(["config", "--syntax-only"], files: ["prometheus.yml"]).exitCode == 0)
    }

    @Test func unsupportedPrometheusFieldsFailSayingSo() throws {
        let directory = try ScratchDirectory(["prometheus.yml": "remote_write:\n  - url: http://x/\n"])
        let result = directory.check(["config"], files: ["prometheus.yml"])
        #expect(result.exitCode == 1)
        #expect(result.error == "  FAILED: prometheus.yml:1:1: field remote_write is not supported by Tocsin\n")
    }

    @Test func fileDiscoveryFilesAreReadAndMissingOnesWarnedAbout() throws {
        let directory = try ScratchDirectory([
            "prometheus.yml": """
            scrape_configs:
              - job_name: node
                file_sd_configs:
                  - files: [targets/*.json, nothere.yml]
            """,
            "broken.yml": "scrape_configs:\n  - job_name: a\n    file_sd_configs:\n      - files: [targets/bad.yml]\n",
            "targets/a.json": #"[{"targets": ["localhost:9100"], "labels": {"env": "prod"}}]"#,
            "targets/bad.yml": "- targets: [x]\n  lables: {}\n",
        ])
        #expect(
            directory.check(["config"], files: ["prometheus.yml"])
                == CommandResult(
                    exitCode: 0,
                    output: """
                        Checking prometheus.yml
                          WARNING: file "nothere.yml" for file_sd in scrape job "node" does not exist
                         SUCCESS: prometheus.yml is valid prometheus config file syntax


                        """))
        let broken = directory.check(["config"], files: ["broken.yml"])
        #expect(broken.exitCode == 1)
        #expect(broken.error.hasPrefix("  FAILED: checking SD file \"targets/bad.yml\": "))
    }

    @Test func aMissingCredentialsFileFailsTheConfiguration() throws {
        let directory = try ScratchDirectory([
            "prometheus.yml": "scrape_configs:\n  - job_name: a\n    authorization:\n      credentials_file: token\n"
        ])
        #expect(
            directory.check(["config"], files: ["prometheus.yml"]).error
                == "  FAILED: error checking authorization credentials or bearer token file \"token\": "
                + "stat token: no such file or directory\n")
    }
}
