import Testing

@testable import RuleEval

/// `tocsin-ruleeval check config` recognises an `alertmanager.yml` and checks it as the direct dispatch
/// configuration.
@Suite struct CheckAlertmanagerConfigTests {
    @Test func acceptsAValidAlertmanagerFile() throws {
        let directory = try ScratchDirectory(["alertmanager.yml": NotifyConfigurationLoadingTests.sample])
        let result = directory.check(["config"], files: ["alertmanager.yml"])
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(
            result.output
                == "Checking alertmanager.yml\n SUCCESS: alertmanager.yml is valid alertmanager config file syntax "
                + "(3 receivers, 2 inhibit rules)\n\n")
    }

    @Test func reportsUnsupportedFieldsWithTheirPosition() throws {
        let directory = try ScratchDirectory([
            "alertmanager.yml": "route: {receiver: x}\nreceivers:\n- name: x\n  sns_configs: []\n"
        ])
        let result = directory.check(["config"], files: ["alertmanager.yml"])
        #expect(result.exitCode == 1)
        #expect(
            result.error.hasPrefix(
                "  FAILED: alertmanager.yml:4:3: field sns_configs is not supported by tocsin (supported: name,"))
    }
}
