import PromText
import Testing

@testable import RuleEval

/// A relabeling case from Prometheus's `model/relabel/relabel_test.go`, with the configs written as YAML.
struct RelabelCase: Sendable, CustomTestStringConvertible {
    let input: Labels
    let configs: String
    let output: Labels?

    var testDescription: String { configs }
}

@Suite struct RelabelingTests {
    static func decode(_ yaml: String, names: NameValidationScheme = .utf8) throws -> [RelabelConfiguration] {
        let decoder = YAMLDecoder(fileName: "relabel.yml")
        return try decoder.sequence(YAMLParser.parse(yaml, fileName: "relabel.yml")).map {
            try RelabelConfiguration.decode($0, with: decoder, names: names)
        }
    }

    static let cases: [RelabelCase] = [
        RelabelCase(
            input: ["a": "foo", "b": "bar", "c": "baz"],
            configs: "- {source_labels: [a], regex: 'f(.*)', target_label: d, replacement: 'ch${1}-ch${1}'}",
            output: ["a": "foo", "b": "bar", "c": "baz", "d": "choo-choo"]),
        RelabelCase(
            input: ["a": "foo", "b": "bar", "c": "baz"],
            configs: """
                - {source_labels: [a, b], regex: 'f(.*);(.*)r', target_label: a, replacement: 'b${1}${2}m'}
                - {source_labels: [c, a], regex: '(b).*b(.*)ba(.*)', target_label: d, replacement: '$1$2$2$3'}
                """,
            output: ["a": "boobam", "b": "bar", "c": "baz", "d": "boooom"]),
        RelabelCase(
            input: ["a": "foo"],
            configs: """
                - {source_labels: [a], regex: '.*o.*', action: drop}
                - {source_labels: [a], regex: 'f(.*)', target_label: d, replacement: 'ch$1-ch$1'}
                """,
            output: nil),
        RelabelCase(
            input: ["a": "foo", "b": "bar"], configs: "- {source_labels: [a], regex: '.*o.*', action: drop}",
            output: nil),
        RelabelCase(
            input: ["a": "abc"], configs: "- {source_labels: [a], regex: '.*(b).*', target_label: d}",
            output: ["a": "abc", "d": "b"]),
        RelabelCase(
            input: ["a": "foo"], configs: "- {source_labels: [a], regex: no-match, action: drop}",
            output: ["a": "foo"]),
        RelabelCase(
            input: ["a": "foo"], configs: "- {source_labels: [a], regex: 'f|o', action: drop}", output: ["a": "foo"]),
        RelabelCase(
            input: ["a": "foo"], configs: "- {source_labels: [a], regex: no-match, action: keep}", output: nil),
        RelabelCase(
            input: ["a": "foo"], configs: "- {source_labels: [a], regex: 'f.*', action: KEEP}", output: ["a": "foo"]),
        RelabelCase(
            input: ["a": "boo"], configs: "- {source_labels: [a], regex: f, target_label: b, replacement: bar}",
            output: ["a": "boo"]),
        RelabelCase(
            input: ["a": "foo", "b": "bar", "c": "baz"],
            configs: "- {source_labels: [c], target_label: d, action: hashmod, modulus: 1000}",
            output: ["a": "foo", "b": "bar", "c": "baz", "d": "976"]),
        RelabelCase(
            input: ["a": "foo\nbar"],
            configs: "- {source_labels: [a], target_label: b, action: hashmod, modulus: 1000}",
            output: ["a": "foo\nbar", "b": "734"]),
        RelabelCase(
            input: ["a": "foo", "b1": "bar", "b2": "baz"],
            configs: "- {regex: '(b.*)', replacement: 'bar_${1}', action: labelmap}",
            output: ["a": "foo", "b1": "bar", "b2": "baz", "bar_b1": "bar", "bar_b2": "baz"]),
        RelabelCase(
            input: ["a": "foo", "__meta_my_bar": "aaa", "__meta_my_baz": "bbb", "__meta_other": "ccc"],
            configs: "- {regex: '__meta_(my.*)', replacement: '${1}', action: labelmap}",
            output: [
                "a": "foo", "__meta_my_bar": "aaa", "__meta_my_baz": "bbb", "__meta_other": "ccc", "my_bar": "aaa",
                "my_baz": "bbb",
            ]),
        RelabelCase(
            input: ["a": "some-name-value"],
            configs: "- {source_labels: [a], regex: 'some-([^-]+)-([^,]+)', replacement: '${2}', target_label: '${1}'}",
            output: ["a": "some-name-value", "name": "value"]),
        RelabelCase(
            input: ["a": "some-name-value"],
            configs: "- {source_labels: [a], regex: 'some-([^-]+)-([^,]+)', replacement: '${3}', target_label: '${1}'}",
            output: ["a": "some-name-value"]),
        RelabelCase(
            input: ["a": "some-name-0"],
            configs: """
                - {source_labels: [a], regex: 'some-([^-]+)-([^,]+)', replacement: '${1}', target_label: '${3}'}
                - {source_labels: [a], regex: 'some-([^-]+)(-[^,]+)', replacement: '${1}', target_label: '${3}'}
                """,
            output: ["a": "some-name-0"]),
        RelabelCase(
            input: ["__meta_sd_tags": "path:/secret,job:some-job,label:foo=bar"],
            configs: """
                - source_labels: [__meta_sd_tags]
                  regex: '(?:.+,|^)path:(/[^,]+).*'
                  replacement: '${1}'
                  target_label: __metrics_path__
                - source_labels: [__meta_sd_tags]
                  regex: '(?:.+,|^)job:([^,]+).*'
                  replacement: '${1}'
                  target_label: job
                - source_labels: [__meta_sd_tags]
                  regex: '(?:.+,|^)label:([^=]+)=([^,]+).*'
                  replacement: '${2}'
                  target_label: '${1}'
                """,
            output: [
                "__meta_sd_tags": "path:/secret,job:some-job,label:foo=bar", "__metrics_path__": "/secret",
                "job": "some-job", "foo": "bar",
            ]),
        RelabelCase(
            input: [
                "__meta_kubernetes_pod_container_port_name": "foo",
                "__meta_kubernetes_pod_annotation_XXX_metrics_port": "9091",
            ],
            configs: """
                - {regex: '^__meta_kubernetes_pod_container_port_name$', action: labeldrop}
                - source_labels: [__meta_kubernetes_pod_annotation_XXX_metrics_port]
                  regex: '(.+)'
                  replacement: metrics
                  target_label: __meta_kubernetes_pod_container_port_name
                - {source_labels: [__meta_kubernetes_pod_container_port_name], regex: '^metrics$', action: keep}
                """,
            output: [
                "__meta_kubernetes_pod_annotation_XXX_metrics_port": "9091",
                "__meta_kubernetes_pod_container_port_name": "metrics",
            ]),
        RelabelCase(
            input: ["a": "foo", "b1": "bar", "b2": "baz"], configs: "- {regex: '(b.*)', action: labelkeep}",
            output: ["b1": "bar", "b2": "baz"]),
        RelabelCase(
            input: ["a": "foo", "b1": "bar", "b2": "baz"], configs: "- {regex: '(b.*)', action: labeldrop}",
            output: ["a": "foo"]),
        RelabelCase(
            input: ["foo": "bAr123Foo"],
            configs: """
                - {source_labels: [foo], action: uppercase, target_label: foo_uppercase}
                - {source_labels: [foo], action: lowercase, target_label: foo_lowercase}
                """,
            output: ["foo": "bAr123Foo", "foo_lowercase": "bar123foo", "foo_uppercase": "BAR123FOO"]),
        RelabelCase(
            input: ["__tmp_port": "1234", "__port1": "1234", "__port2": "5678"],
            configs: "- {source_labels: [__tmp_port], action: keepequal, target_label: __port1}",
            output: ["__tmp_port": "1234", "__port1": "1234", "__port2": "5678"]),
        RelabelCase(
            input: ["__tmp_port": "1234", "__port1": "1234", "__port2": "5678"],
            configs: "- {source_labels: [__tmp_port], action: dropequal, target_label: __port1}", output: nil),
        RelabelCase(
            input: ["__tmp_port": "1234", "__port1": "1234", "__port2": "5678"],
            configs: "- {source_labels: [__tmp_port], action: dropequal, target_label: __port2}",
            output: ["__tmp_port": "1234", "__port1": "1234", "__port2": "5678"]),
        RelabelCase(
            input: ["__tmp_port": "1234", "__port1": "1234", "__port2": "5678"],
            configs: "- {source_labels: [__tmp_port], action: keepequal, target_label: __port2}", output: nil),
        // Beyond relabel_test.go: the fast path adds or removes a label with an empty source.
        RelabelCase(
            input: ["a": "x"], configs: "- {target_label: env, replacement: prod}", output: ["a": "x", "env": "prod"]),
        RelabelCase(
            input: ["a": "x"], configs: "- {source_labels: [a], target_label: a, replacement: ''}", output: [:]),
        // A labelmap onto an existing name: later labels in the builder's order win.
        RelabelCase(
            input: ["x_a": "1", "y_a": "2"], configs: "- {regex: '.*_(a)', replacement: '$1', action: labelmap}",
            output: ["a": "2", "x_a": "1", "y_a": "2"]),
        // `$1x` names the group "1x", which does not exist.
        RelabelCase(
            input: ["a": "v"],
            configs: "- {source_labels: [a], regex: '(.*)', target_label: b, replacement: '$1x-$$-${1}y'}",
            output: ["a": "v", "b": "-$-vy"]),
        RelabelCase(
            input: ["a": "v"],
            configs: "- {source_labels: [a], regex: '(?P<val>.*)', target_label: b, replacement: '${val}!$'}",
            output: ["a": "v", "b": "v!$"]),
    ]

    @Test(arguments: cases)
    func relabelsAsPrometheus(_ relabelCase: RelabelCase) throws {
        let configs = try RelabelingTests.decode(relabelCase.configs)
        #expect(Relabeling.apply(configs, to: relabelCase.input) == relabelCase.output?.sorted())
    }

    @Test func decodingAppliesPrometheusDefaults() throws {
        let config = try RelabelingTests.decode("- {target_label: x}")[0]
        #expect(config.separator == ";")
        #expect(config.regex.pattern == "(.*)" && config.regexIsDefault)
        #expect(config.replacement == "$1")
        #expect(config.action == .replace)
        #expect(config.sourceLabels == nil)
        #expect(config.regex.matches("a\nb") == false)
        #expect(try AnchoredRegex("a|b").matches("ab") == false)
    }

    @Test(arguments: [
        ("- {action: replace}", "relabel configuration for replace action requires 'target_label' value"),
        ("- {action: lowercase}", "relabel configuration for lowercase action requires 'target_label' value"),
        ("- {action: hashmod, target_label: x}", "relabel configuration for hashmod requires non-zero modulus"),
        ("- {action: foo}", "unknown relabel action \"foo\""),
        ("- {action: lowercase, target_label: x, replacement: y}", "'replacement' can not be set for lowercase action"),
        (
            "- {action: keepequal, target_label: x, regex: '(.*)'}",
            "keepequal action requires only 'source_labels' and `target_label`, and no other fields"
        ),
        ("- {action: labeldrop, source_labels: []}", "labeldrop action requires only 'regex', and no other fields"),
        ("- {action: labelkeep, separator: ','}", "labelkeep action requires only 'regex', and no other fields"),
        ("- {regex: '(', target_label: x}", "error parsing regexp"),
        ("- {source_labels: [''], target_label: x}", "\"\" is not a valid label name"),
        ("- {target_label: x, modulus: -1}", "expected a non-negative integer, found string \"-1\""),
        ("- {target_label: x, bogus: 1}", "field bogus not found in type relabel.Config"),
    ])
    func rejectsInvalidConfigurations(yaml: String, message: String) {
        do {
            _ = try RelabelingTests.decode(yaml)
            Issue.record("accepted \(yaml)")
        } catch let error as YAMLError {
            #expect(error.message.hasPrefix(message), "\(error)")
            #expect(error.description.hasPrefix("relabel.yml:1:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [
        ("${3}", NameValidationScheme.legacy, true), ("0${3}", .legacy, false), ("-${3}", .legacy, false),
        ("-${3}", .utf8, true), ("foo${bar}foo", .legacy, true), ("${", .legacy, false),
        ("${1}label", .legacy, true), ("$1", .legacy, true), ("asd$2asd", .legacy, true), ("_${1}_", .legacy, true),
        ("$", .legacy, false), ("${}", .legacy, false), ("foo${", .legacy, false), ("-foo${1}bar-", .legacy, false),
    ])
    func validatesTemplatedTargetLabels(target: String, names: NameValidationScheme, valid: Bool) {
        let config = RelabelConfiguration(sourceLabels: ["a"], targetLabel: target)
        #expect((config.validationError(names: names) == nil) == valid)
    }

    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"), ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        (
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a"
        ),
    ])
    func md5MatchesRFC1321(input: String, hex: String) {
        let digest = MD5.digest(input.utf8).map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }
        #expect(digest.joined() == hex)
    }
}
