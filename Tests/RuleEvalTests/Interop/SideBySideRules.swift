/// The configuration and rule file both evaluators run in the side-by-side test.
enum SideBySideRules {
    /// `prometheus.yml`; `TARGET` is the scripted target's address and `RULES` the rule file's path.
    static let configuration = """
        global:
          scrape_interval: 500ms
          scrape_timeout: 500ms
          evaluation_interval: 1s
        rule_files: [RULES]
        scrape_configs:
          - job_name: sbs
            static_configs: [{targets: ["TARGET"]}]
        """

    /// Alerting rules with `for` and `keep_firing_for`, and recording rules feeding a later rule of their group.
    ///
    /// Every expression's value at an evaluation depends only on the samples stamped at or before it (instant
    /// selectors, `irate`, aggregations, `histogram_quantile`), never on where the window's edges fall, so two
    /// processes whose groups run at different offsets within the second agree evaluation for evaluation.
    static let rules = """
        groups:
          - name: sbs_alerts
            rules:
              - alert: QueueDepthHigh
                expr: sbs_queue_depth > 10
                for: 3s
                labels: {severity: page, queue_copy: "{{ $labels.queue }}"}
                annotations: {summary: "queue {{ $labels.queue }} holds {{ $value }}"}
              - alert: FlagRaised
                expr: sbs_flag == 1
                keep_firing_for: 4s
                labels: {severity: ticket}
              - alert: ErrorRatioHigh
                expr: |
                  sum by (handler) (irate(sbs_http_requests_total{code="500"}[5s]))
                    / sum by (handler) (irate(sbs_http_requests_total[5s])) > 0.1
                for: 2s
                keep_firing_for: 2s
              - alert: LatencyHigh
                expr: histogram_quantile(0.9, sum by (le) (irate(sbs_request_duration_seconds_bucket[5s]))) > 0.5
                for: 2s
              - alert: MetricAbsent
                expr: absent(sbs_missing_metric{job="sbs"})
              - alert: NeverFires
                expr: sbs_queue_depth > 1000
                for: 1s
          - name: sbs_recording
            rules:
              - record: handler:sbs_http_requests:irate5s
                expr: sum by (handler) (irate(sbs_http_requests_total[5s]))
              - record: sbs:queue_depth:max
                expr: max(sbs_queue_depth)
              - record: le:sbs_request_duration_seconds_bucket:irate5s
                expr: sum by (le) (irate(sbs_request_duration_seconds_bucket[5s]))
              - record: sbs:request_duration_seconds:p90
                expr: histogram_quantile(0.9, le:sbs_request_duration_seconds_bucket:irate5s)
                labels: {quantile: "0.9"}
              - alert: MaxQueueDepthHigh
                expr: sbs:queue_depth:max > 10
                for: 1s
        """
}
