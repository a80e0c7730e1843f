#!/usr/bin/env python3
"""Writes the promtool agreement corpus under Tests/RuleEvalTests/Corpus/Files/.

rules/     rule files: valid ones and mutations; `check rules` must give promtool's exit code.
config/    configuration files (and config/rules/ for the rule files they name); `check config` likewise.
unsupported/  valid Prometheus configurations using fields Tocsin does not implement: promtool exits 0,
           Tocsin must exit 1 saying "not supported by Tocsin".
unsupported-yaml/  rule files using YAML Tocsin does not read (anchors, tags, several documents...): Tocsin
           must exit 1 saying "not supported".
version-differences/{rules,config}/  files Prometheus 3 (which Tocsin follows) accepts and promtool 2.42
           rejects (UTF-8 names, group labels, query_offset).
stricter/  configurations promtool accepts that Tocsin rejects because it cannot honour them (scheme).

Run from the repository root; it rewrites those folders.
"""
import os
import shutil

ROOT = "Tests/RuleEvalTests/Corpus/Files"

GOOD_RULES = """groups:
  - name: node
    interval: 30s
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
      - record: instance:cpu:rate5m
        expr: rate(node_cpu_seconds_total{mode!="idle"}[5m])
        labels:
          source: node
      - alert: InstanceDown
        expr: up == 0
        for: 5m
        keep_firing_for: 1m
        labels:
          severity: page
        annotations:
          summary: "{{ $labels.instance }} of {{ $labels.job }} is down"
          description: 'value {{ $value | humanize }}'
  - name: http
    limit: 10
    rules:
      - alert: HighErrorRate
        expr: |
          sum(rate(http_requests_total{code=~"5.."}[5m])) by (job)
            /
          sum(rate(http_requests_total[5m])) by (job) > 0.05
        annotations:
          summary: High error rate on {{ $labels.job }}
"""

VALID_RULES = {
    "valid-basic": GOOD_RULES,
    "valid-empty-file": "",
    "valid-empty-groups": "groups: []\n",
    "valid-comment-only": "# nothing here\n",
    "valid-group-no-rules": "groups:\n  - name: a\n",
    "valid-flow-style": 'groups: [{name: a, rules: [{record: "a:b", expr: "sum(up)"}]}]\n',
    "valid-literal-block": "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: |\n          up\n            == 0\n",
    "valid-folded-block": "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: >\n          up\n          == 0\n",
    "valid-quoted-keys": 'groups:\n  - "name": a\n    \'rules\':\n      - "record": a:b\n        expr: up\n',
    "valid-document-marker": "---\ngroups:\n  - name: a\n    rules:\n      - record: a\n        expr: up\n",
    "valid-document-end": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: up\n...\n",
    "valid-subquery": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: max_over_time(rate(x[1m])[1h:5m])\n",
    "valid-offset-at": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: x offset 5m @ 1600000000\n",
    "valid-number-expr": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: 1\n",
    "valid-same-name-different-labels": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: up\n        labels:\n          x: '1'\n      - record: a\n        expr: up\n        labels:\n          x: '2'\n",
    "valid-alert-same-name-different-expr-labels": "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n        labels: {s: a}\n      - alert: A\n        expr: up == 1\n        labels: {s: b}\n",
    "valid-template-functions": "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n        annotations:\n          a: '{{ humanizeDuration 3600 }} {{ printf \"%.2f\" $value }} {{ $externalLabels.x }}'\n          b: '{{ range query \"up\" }}{{ .Labels.job }}{{ end }}'\n          c: '{{ if gt $value 1.0 }}big{{ else }}small{{ end }}'\n          d: '{{ title \"x\" }}{{ toUpper \"y\" }}{{ reReplaceAll \"a\" \"b\" \"c\" }}'\n",
    "valid-labels-templated": "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n        labels:\n          instance: '{{ $labels.instance }}'\n",
    "valid-unicode-annotation": "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n        annotations:\n          summary: \"caf\u00e9 \u2713 down\"\n",
    "valid-crlf": "groups:\r\n  - name: a\r\n    rules:\r\n      - record: a\r\n        expr: up\r\n",
    "valid-many-groups": "groups:\n" + "".join(f"  - name: g{i}\n    rules:\n      - record: r{i}\n        expr: up\n" for i in range(20)),
    "valid-for-zero": "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n        for: 0s\n",
    "valid-duration-compound": "groups:\n  - name: a\n    interval: 1h30m\n    rules:\n      - alert: A\n        expr: up == 0\n        for: 1d2h\n",
    "valid-empty-labels-map": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: up\n        labels: {}\n",
    "valid-null-labels": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: up\n        labels:\n",
    "valid-string-escapes": 'groups:\n  - name: a\n    rules:\n      - record: a\n        expr: "up{job=\\"a\\\\\\\\b\\"}"\n',
    "valid-regex-matchers": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: 'up{job=~\"(a|b)+\", instance!~\"x.*\"}'\n",
    "valid-binary-modifiers": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: a / on(x) group_left(y) b\n",
    "valid-comments-everywhere": "# head\ngroups: # c\n  - name: a # c\n    rules: # c\n      # c\n      - record: a # c\n        expr: up # c\n",
}


def mutate(old, new, text=GOOD_RULES):
    assert old in text, old
    return text.replace(old, new, 1)


BAD_RULES = {
    # keys
    "bad-key-typo-groups": mutate("groups:", "group:"),
    "bad-key-typo-name": mutate("  - name: node", "  - nme: node"),
    "bad-key-typo-rules": mutate("    rules:\n      - record: job", "    rule:\n      - record: job"),
    "bad-key-typo-record": mutate("record: job:up:sum", "recrd: job:up:sum"),
    "bad-key-typo-expr": mutate("expr: up == 0", "exp: up == 0"),
    "bad-key-typo-annotations": mutate("        annotations:\n          summary: \"{{", "        annotation:\n          summary: \"{{"),
    "bad-key-typo-labels": mutate("        labels:\n          severity", "        label:\n          severity"),
    "bad-key-typo-for": mutate("for: 5m", "fr: 5m"),
    "bad-unknown-rule-field": mutate("        for: 5m", "        for: 5m\n        severity: page"),
    "bad-unknown-group-field": mutate("    interval: 30s", "    interval: 30s\n    owner: me"),
    "bad-unknown-top-field": GOOD_RULES + "version: 2\n",
    "bad-top-level-sequence": "- name: a\n  rules: []\n",
    "bad-top-level-scalar": "hello\n",
    "bad-groups-mapping": "groups:\n  name: a\n",
    "bad-rules-mapping": "groups:\n  - name: a\n    rules:\n      record: a\n      expr: up\n",
    "bad-labels-sequence": mutate("        labels:\n          severity: page", "        labels:\n          - severity"),
    "bad-duplicate-key": mutate("        for: 5m", "        for: 5m\n        for: 10m"),
    "bad-duplicate-top-key": GOOD_RULES + "groups: []\n",
    # durations
    "bad-duration-no-unit": mutate("for: 5m", "for: 5"),
    "bad-duration-unit": mutate("for: 5m", "for: 5min"),
    "bad-duration-float": mutate("for: 5m", "for: 1.5m"),
    "bad-duration-negative": mutate("for: 5m", "for: -5m"),
    "bad-duration-order": mutate("for: 5m", "for: 5m1h"),
    "bad-duration-interval": mutate("interval: 30s", "interval: thirty"),
    "bad-duration-keep-firing": mutate("keep_firing_for: 1m", "keep_firing_for: 1x"),
    "bad-duration-sequence": mutate("for: 5m", "for: [5m]"),
    "bad-limit-string": mutate("limit: 10", "limit: ten"),
    "bad-limit-float": mutate("limit: 10", "limit: 1.5"),
    # expressions
    "bad-expr-unclosed-paren": mutate("sum by (job) (up)", "sum by (job) (up"),
    "bad-expr-unclosed-brace": mutate("expr: up == 0", "expr: up{job=\"a\" == 0"),
    "bad-expr-unknown-function": mutate("sum by (job) (up)", "summ(up)"),
    "bad-expr-range-in-instant-function": mutate("sum by (job) (up)", "sum(up[5m])"),
    "bad-expr-missing-range": mutate('rate(node_cpu_seconds_total{mode!="idle"}[5m])', 'rate(node_cpu_seconds_total{mode!="idle"})'),
    "bad-expr-bad-duration": mutate("[5m])", "[5q])"),
    "bad-expr-trailing-operator": mutate("expr: up == 0", "expr: up =="),
    "bad-expr-string-result": mutate("sum by (job) (up)", '"text"'),
    "bad-expr-bad-regex": mutate('{code=~"5.."}', '{code=~"5(.."}'),
    "bad-expr-empty-matchers": mutate("sum by (job) (up)", "{}"),
    "bad-expr-only-empty-matcher": mutate("sum by (job) (up)", '{job=""}'),
    "bad-expr-bool-without-comparison": mutate("expr: up == 0", "expr: up + bool 1"),
    "bad-expr-wrong-arg-count": mutate("sum by (job) (up)", "label_replace(up)"),
    "bad-expr-set-op-scalar": mutate("sum by (job) (up)", "1 and up"),
    "bad-expr-group-left-set": mutate("sum by (job) (up)", "a and on(x) group_left b"),
    "bad-expr-topk-no-param": mutate("sum by (job) (up)", "topk(up)"),
    "bad-expr-garbage": mutate("sum by (job) (up)", "!!!"),
    "bad-expr-unterminated-string": mutate('{code=~"5.."}', '{code=~"5..}'),
    "bad-expr-empty-string": mutate("expr: up == 0", 'expr: ""'),
    "bad-expr-missing": mutate("        expr: up == 0\n", ""),
    "bad-expr-number-key": mutate("expr: up == 0", "expr: [up]"),
    "bad-expr-subquery-on-range": mutate("sum by (job) (up)", "up[5m][1h:]"),
    "bad-expr-offset-twice": mutate("sum by (job) (up)", "up offset 5m offset 1m"),
    "bad-expr-unknown-keyword-by": mutate("sum by (job) (up)", "sum bye (job) (up)"),
    "bad-expr-duplicate-label-in-by": mutate("sum by (job) (up)", "sum (up) by (job) without (x)"),
    # templates
    "bad-template-unclosed-action": mutate('"{{ $labels.instance }} of', '"{{ $labels.instance of'),
    "bad-template-unknown-function": mutate("$value | humanize }}", "$value | humanise }}"),
    "bad-template-unexpected-end": mutate("summary: High error rate on {{ $labels.job }}", "summary: High error rate {{ end }}"),
    "bad-template-unclosed-if": mutate("summary: High error rate on {{ $labels.job }}", "summary: \"{{ if true }}x\""),
    "bad-template-undefined-variable": mutate("summary: High error rate on {{ $labels.job }}", "summary: \"{{ $nope }}\""),
    "bad-template-in-label": mutate("severity: page", "severity: '{{ page'"),
    "bad-template-bad-pipeline": mutate("summary: High error rate on {{ $labels.job }}", "summary: \"{{ | }}\""),
    "bad-template-unclosed-range": mutate("summary: High error rate on {{ $labels.job }}", "summary: \"{{ range $labels }}\""),
    "bad-template-else-outside": mutate("summary: High error rate on {{ $labels.job }}", "summary: \"{{ else }}\""),
    "bad-template-unterminated-string": mutate("summary: High error rate on {{ $labels.job }}", "summary: '{{ \"x }}'"),
    # indentation, tabs and syntax
    "bad-indent-rule-fields": mutate("        expr: sum by (job) (up)", "       expr: sum by (job) (up)"),
    "bad-indent-deeper": mutate("        expr: sum by (job) (up)", "          expr: sum by (job) (up)"),
    "bad-indent-group": mutate("  - name: http", "   - name: http"),
    "bad-tab-indent": mutate("        expr: sum by (job) (up)", "\texpr: sum by (job) (up)"),
    "bad-tab-before-dash": mutate("      - record: job:up:sum", "\t- record: job:up:sum"),
    "bad-missing-colon": mutate("for: 5m", "for 5m"),
    "bad-unclosed-quote": mutate('summary: "{{ $labels.instance }} of {{ $labels.job }} is down"', 'summary: "{{ $labels.instance }} down'),
    "bad-unclosed-flow": "groups: [{name: a\n",
    # semantics
    "bad-duplicate-groups": mutate("  - name: http", "  - name: node"),
    "bad-empty-group-name": mutate("  - name: http", "  - name: ''"),
    "bad-missing-group-name": mutate("  - name: http\n    limit: 10\n", "  - limit: 10\n"),
    "bad-record-and-alert": mutate("      - record: job:up:sum", "      - record: job:up:sum\n        alert: Both"),
    "bad-neither-record-nor-alert": mutate("      - record: job:up:sum\n", "      - expr: sum by (job) (up)\n", GOOD_RULES).replace("        expr: sum by (job) (up)\n      - record: instance", "      - record: instance", 1),
    "bad-for-on-recording-rule": mutate("        expr: sum by (job) (up)", "        expr: sum by (job) (up)\n        for: 5m"),
    "bad-keep-firing-on-recording-rule": mutate("        expr: sum by (job) (up)", "        expr: sum by (job) (up)\n        keep_firing_for: 5m"),
    "bad-annotations-on-recording-rule": mutate("        expr: sum by (job) (up)", "        expr: sum by (job) (up)\n        annotations:\n          a: b"),
    "bad-record-name-braces": mutate("record: job:up:sum", "record: 'job:up:sum{a=\"b\"}'"),
    "bad-label-name-dunder-name": mutate("severity: page", "__name__: page"),
    "bad-label-value-number-seq": mutate("severity: page", "severity: [page]"),
    "bad-label-value-map": mutate("severity: page", "severity: {a: b}"),
    "bad-annotation-value-seq": mutate("summary: High error rate on {{ $labels.job }}", "summary: [a]"),
    "valid-null-rule-entries": "groups:\n  - name: a\n    rules:\n      -\n",
    "bad-name-sequence": "groups:\n  - name: [a]\n",
    "bad-yaml-1.2-directive": "%YAML 1.2\n---\ngroups: []\n",
    # lint
    "lint-duplicate-recording": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: up\n      - record: a\n        expr: sum(up)\n",
    "lint-duplicate-alerts": "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n      - alert: A\n        expr: up == 1\n",
    "lint-duplicate-across-groups": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: up\n  - name: b\n    rules:\n      - record: a\n        expr: up\n",
    "lint-duplicate-with-labels": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: up\n        labels: {x: '1', y: '2'}\n      - record: a\n        expr: up\n        labels: {y: '2', x: '1'}\n",
    "lint-triplicate": "groups:\n  - name: a\n    rules:\n" + "      - record: a\n        expr: up\n" * 3,
}

VERSION_DIFFERENCES = {
    # promtool 2.42 only accepts legacy names; Prometheus 3 accepts any UTF-8 name.
    "utf8-label-name": mutate("severity: page", "bad-label: page"),
    "utf8-record-name": mutate("record: job:up:sum", "record: job-up-sum"),
    "utf8-annotation-name": mutate("summary: High error rate on {{ $labels.job }}", "sum.mary: x"),
    # Group labels exist since Prometheus 3.0.
    "group-labels": mutate("    interval: 30s", "    interval: 30s\n    labels:\n      team: infra"),
    # query_offset exists since Prometheus 2.53.
    "group-query-offset": mutate("    interval: 30s", "    interval: 30s\n    query_offset: 1m"),
}

GOOD_CONFIG = """global:
  scrape_interval: 15s
  scrape_timeout: 10s
  evaluation_interval: 30s
  external_labels:
    region: eu
rule_files:
  - rules/good.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['localhost:9093']
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ['localhost:9090']
        labels:
          env: prod
  - job_name: node
    scrape_interval: 30s
    metrics_path: /metrics
    scheme: http
    honor_labels: true
    static_configs:
      - targets: ['localhost:9100', 'localhost:9101']
    relabel_configs:
      - source_labels: [__address__]
        regex: '(.*):\\d+'
        target_label: host
        replacement: '$1'
    metric_relabel_configs:
      - source_labels: [__name__]
        regex: 'go_.*'
        action: drop
"""


def cmutate(old, new, text=GOOD_CONFIG):
    assert old in text, old
    return text.replace(old, new, 1)


CONFIG_RULES = {
    "good.yml": "groups:\n  - name: a\n    rules:\n      - record: a:b\n        expr: sum(up)\n",
    "other.yml": "groups:\n  - name: b\n    rules:\n      - alert: B\n        expr: up == 0\n",
    "bad-expr.yml": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: sum(up\n",
    "duplicates.yml": "groups:\n  - name: a\n    rules:\n      - record: a\n        expr: up\n      - record: a\n        expr: up\n",
}

# File discovery files the configurations name (config/targets/).
TARGET_FILES = {
    "good.json": '[\n\t{"targets": ["localhost:9100"], "labels": {"env": "prod"}}\n]\n',
    "good.yml": "- targets: ['localhost:9100', 'localhost:9101']\n  labels:\n    env: dev\n",
    "empty.yaml": "",
    "empty.json": "",
    "typo.yml": "- targets: ['localhost:9100']\n  lables:\n    env: dev\n",
    "empty-entry.yml": "- targets: ['localhost:9100']\n-\n",
}

VALID_CONFIGS = {
    "valid-basic": GOOD_CONFIG,
    "valid-empty": "",
    "valid-global-only": "global:\n  scrape_interval: 1m\n",
    "valid-no-rule-files": cmutate("rule_files:\n  - rules/good.yml\n", ""),
    "valid-rule-glob": cmutate("  - rules/good.yml", "  - 'rules/*.yml.none'"),
    "valid-rule-glob-matches": cmutate("  - rules/good.yml", "  - 'rules/o*.yml'"),
    "valid-two-rule-files": cmutate("  - rules/good.yml", "  - rules/good.yml\n  - rules/other.yml"),
    "valid-timeout-equals-interval": cmutate("scrape_timeout: 10s", "scrape_timeout: 15s"),
    "valid-file-sd": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    file_sd_configs:\n      - files: ['targets/*.json']\n        refresh_interval: 1m\n"),
    "valid-relabel-keep": cmutate("        action: drop", "        action: keep"),
    "valid-relabel-labelmap": cmutate("      - source_labels: [__name__]\n        regex: 'go_.*'\n        action: drop", "      - regex: 'tmp_(.+)'\n        action: labelmap"),
    "valid-relabel-hashmod": cmutate("      - source_labels: [__name__]\n        regex: 'go_.*'\n        action: drop", "      - source_labels: [__address__]\n        modulus: 4\n        target_label: shard\n        action: hashmod"),
    "valid-relabel-labeldrop": cmutate("      - source_labels: [__name__]\n        regex: 'go_.*'\n        action: drop", "      - regex: 'tmp_.*'\n        action: labeldrop"),
    "valid-scrape-params": cmutate("    honor_labels: true", "    honor_labels: true\n    params:\n      module: [http_2xx]"),
    "valid-tls-config": cmutate("    honor_labels: true", "    honor_labels: true\n    tls_config:\n      insecure_skip_verify: true", NO_RULES_CONFIG),
    "valid-basic-auth": cmutate("    honor_labels: true", "    honor_labels: true\n    basic_auth:\n      username: u\n      password: p"),
    "valid-sample-limit": cmutate("    honor_labels: true", "    honor_labels: true\n    sample_limit: 1000"),
    "valid-alertmanager-path": cmutate("    - static_configs:\n        - targets: ['localhost:9093']", "    - path_prefix: /am\n      static_configs:\n        - targets: ['localhost:9093']"),
    "valid-file-sd-missing-literal": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    file_sd_configs:\n      - files: [targets/missing.json]\n"),
    "valid-file-sd-files": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    file_sd_configs:\n      - files: [targets/good.json, 'targets/g*.yml', targets/empty.yaml]\n"),
    "valid-alertmanager-file-sd-missing": cmutate("    - static_configs:\n        - targets: ['localhost:9093']", "    - file_sd_configs:\n        - files: [am/*.json]"),
    "valid-authorization-credentials-file": cmutate("    honor_labels: true", "    honor_labels: true\n    authorization:\n      credentials_file: rules/good.yml"),
    "valid-flow-style": "global: {scrape_interval: 15s}\nscrape_configs: [{job_name: a, static_configs: [{targets: ['x:1']}]}]\n",
    "valid-comments": "# c\nglobal: # c\n  scrape_interval: 15s # c\n",
}

BAD_CONFIGS = {
    "bad-key-typo-global": cmutate("global:", "globl:"),
    "bad-key-typo-scrape-interval": cmutate("  scrape_interval: 15s", "  scrape_intervl: 15s"),
    "bad-key-typo-job-name": cmutate("job_name: node", "job: node"),
    "bad-key-typo-targets": cmutate("- targets: ['localhost:9090']", "- target: ['localhost:9090']"),
    "bad-key-typo-rule-files": cmutate("rule_files:", "rules_files:"),
    "bad-unknown-top-field": GOOD_CONFIG + "extra: 1\n",
    "bad-unknown-relabel-field": cmutate("        target_label: host", "        target_label: host\n        targets: x"),
    "bad-duration-global": cmutate("scrape_interval: 15s", "scrape_interval: 15"),
    "bad-duration-unit": cmutate("scrape_interval: 15s", "scrape_interval: 15sec"),
    "bad-duration-job": cmutate("scrape_interval: 30s", "scrape_interval: 30x"),
    "bad-timeout-greater-than-interval": cmutate("scrape_timeout: 10s", "scrape_timeout: 20s"),
    "bad-job-timeout-greater": cmutate("    scrape_interval: 30s", "    scrape_interval: 30s\n    scrape_timeout: 40s"),
    "bad-duplicate-job": cmutate("job_name: node", "job_name: prometheus"),
    "bad-missing-job-name": cmutate("  - job_name: node\n    scrape_interval: 30s", "  - scrape_interval: 30s"),
    "bad-empty-job-name": cmutate("job_name: node", "job_name: ''"),
    "bad-relabel-action": cmutate("action: drop", "action: dorp"),
    "bad-relabel-regex": cmutate("regex: 'go_.*'", "regex: 'go_(.*'"),
    "bad-relabel-regex-backreference": cmutate("regex: 'go_.*'", "regex: '(a)\\1'"),
    "bad-relabel-replace-no-target": cmutate("        target_label: host\n", ""),
    "bad-relabel-hashmod-no-modulus": cmutate("      - source_labels: [__name__]\n        regex: 'go_.*'\n        action: drop", "      - source_labels: [__address__]\n        target_label: shard\n        action: hashmod"),
    "bad-relabel-labeldrop-with-source": cmutate("        action: drop", "        action: labeldrop"),
    "bad-metrics-path-type": cmutate("metrics_path: /metrics", "metrics_path: [a]"),
    "bad-honor-labels-type": cmutate("honor_labels: true", "honor_labels: yes please"),
    "bad-targets-mapping": cmutate("- targets: ['localhost:9090']", "- targets: {a: b}"),
    "bad-external-label-dunder": cmutate("    region: eu", "    __name__: eu"),
    "bad-authorization-credentials-file-missing": cmutate("    honor_labels: true", "    honor_labels: true\n    authorization:\n      credentials_file: secrets/token"),
    "bad-tls-client-cert-file-missing": cmutate("    honor_labels: true", "    honor_labels: true\n    tls_config:\n      cert_file: secrets/client.pem\n      key_file: secrets/client-key.pem"),
    "bad-file-sd-not-target-groups": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    file_sd_configs:\n      - files: [rules/good.yml]\n"),
    "bad-file-sd-unknown-field": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    file_sd_configs:\n      - files: [targets/typo.yml]\n"),
    "bad-file-sd-empty-entry": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    file_sd_configs:\n      - files: [targets/empty-entry.yml]\n"),
    "bad-file-sd-empty-json": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    file_sd_configs:\n      - files: [targets/empty.json]\n"),
    "bad-alertmanager-file-sd-content": cmutate("    - static_configs:\n        - targets: ['localhost:9093']", "    - file_sd_configs:\n        - files: [targets/typo.yml]"),
    "bad-missing-rule-file": cmutate("  - rules/good.yml", "  - rules/missing.yml"),
    "bad-rule-file-directory": cmutate("  - rules/good.yml", "  - rules"),
    "bad-rule-file-bad-expr": cmutate("  - rules/good.yml", "  - rules/bad-expr.yml"),
    "bad-rule-file-glob-dir": cmutate("  - rules/good.yml", "  - 'r*/good.yml'"),
    "bad-rule-files-mapping": cmutate("rule_files:\n  - rules/good.yml", "rule_files:\n  a: rules/good.yml"),
    "bad-tab-indent": cmutate("  scrape_timeout: 10s", "\tscrape_timeout: 10s"),
    "bad-indent": cmutate("  scrape_timeout: 10s", "   scrape_timeout: 10s"),
    "bad-duplicate-key": cmutate("  scrape_timeout: 10s", "  scrape_timeout: 10s\n  scrape_timeout: 5s"),
    "bad-top-level-sequence": "- global: {}\n",
    "bad-unclosed-quote": cmutate("metrics_path: /metrics", "metrics_path: '/metrics"),
    "bad-sample-limit": cmutate("    honor_labels: true", "    honor_labels: true\n    sample_limit: many"),
    "bad-basic-auth-both-passwords": cmutate("    honor_labels: true", "    honor_labels: true\n    basic_auth:\n      username: u\n      password: p\n      password_file: f"),
    "bad-evaluation-interval": cmutate("evaluation_interval: 30s", "evaluation_interval: 0.5m"),
    "lint-rule-file-duplicates": cmutate("  - rules/good.yml", "  - rules/duplicates.yml"),
}

# Tocsin scrapes and notifies over HTTP only, and says so when the configuration is loaded.
STRICTER_CONFIGS = {
    "bad-scheme": cmutate("scheme: http", "scheme: ftp"),
    "bad-alertmanager-scheme": cmutate("    - static_configs:\n        - targets: ['localhost:9093']", "    - scheme: gopher\n      static_configs:\n        - targets: ['localhost:9093']"),
}

# Label names promtool 2.42 rejects and Prometheus 3 (UTF-8 names) accepts.
VERSION_CONFIGS = {
    "bad-target-label-name": cmutate("          env: prod", "          0env: prod"),
    "bad-external-label-name": cmutate("    region: eu", "    0region: eu"),
}

UNSUPPORTED_YAML = {
    "anchor-alias": "groups:\n  - name: a\n    rules:\n      - &r\n        record: a\n        expr: up\n      - *r\n",
    "tag": "groups:\n  - name: !!str a\n    rules: []\n",
    "complex-key": "groups:\n  - ? name\n    : a\n",
    "two-documents": GOOD_RULES + "---\ngroups: []\n",
}

NO_RULES_CONFIG = cmutate("rule_files:\n  - rules/good.yml\n", "")

UNSUPPORTED = {
    "remote-write": NO_RULES_CONFIG + "remote_write:\n  - url: http://localhost:9201/write\n",
    "remote-read": NO_RULES_CONFIG + "remote_read:\n  - url: http://localhost:9201/read\n",
    "storage": NO_RULES_CONFIG + "storage:\n  tsdb:\n    out_of_order_time_window: 10m\n",
    "http-sd": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    http_sd_configs:\n      - url: http://localhost:8000/targets\n", NO_RULES_CONFIG),
    "ec2-sd": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    ec2_sd_configs:\n      - region: eu-west-1\n", NO_RULES_CONFIG),
    "docker-sd": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    docker_sd_configs:\n      - host: unix:///var/run/docker.sock\n", NO_RULES_CONFIG),
    "dns-sd": cmutate("    static_configs:\n      - targets: ['localhost:9090']\n        labels:\n          env: prod\n", "    dns_sd_configs:\n      - names: [example.com]\n", NO_RULES_CONFIG),
}


def write(folder, name, text):
    path = os.path.join(ROOT, folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as file:
        file.write(text)


def main():
    for folder in ["rules", "config", "unsupported", "unsupported-yaml", "version-differences", "stricter"]:
        shutil.rmtree(os.path.join(ROOT, folder), ignore_errors=True)
    for name, text in {**VALID_RULES, **BAD_RULES}.items():
        write("rules", name + ".yml", text)
    for name, text in {**VALID_CONFIGS, **BAD_CONFIGS}.items():
        write("config", name + ".yml", text)
    for name, text in CONFIG_RULES.items():
        write("config/rules", name, text)
    for name, text in TARGET_FILES.items():
        write("config/targets", name, text)
    for name, text in UNSUPPORTED.items():
        write("unsupported", name + ".yml", text)
    for name, text in UNSUPPORTED_YAML.items():
        write("unsupported-yaml", name + ".yml", text)
    for name, text in VERSION_DIFFERENCES.items():
        write("version-differences/rules", name + ".yml", text)
    without_rules = "rule_files:\n  - rules/good.yml\n"
    for name, text in VERSION_CONFIGS.items():
        write("version-differences/config", name + ".yml", text.replace(without_rules, ""))
    for name, text in STRICTER_CONFIGS.items():
        write("stricter", name + ".yml", text.replace(without_rules, ""))


if __name__ == "__main__":
    main()
