#!/usr/bin/env bash
# Benchmark: our rule evaluator (tocsin-ruleeval) against real Prometheus (Debian package), in the same run, on
# the same synthetic target, prometheus.yml (5 s scrapes and evaluations) and rule file (6 rules: rate sums by
# label, an error ratio, histogram_quantile, an average, two alerts that touch every series).
#
#   scripts/bench-evaluator.sh [SERIES...]          # default: 20000 100000
#   BENCH_SECONDS=180 scripts/bench-evaluator.sh 50000
#
# Per size both run side by side for BENCH_SECONDS (default 150): the first third settles (store filled, rate
# windows full), the rest is measured. Printed per process: resident memory at the end (VmRSS) and its peak
# (VmHWM), CPU seconds (utime + stime) per minute over the measured part, and the rule group's evaluation time
# (prometheus_rule_group_last_duration_seconds / tocsin_rule_group_last_duration_seconds, median and maximum of
# readings every 5 s), plus the samples each scraped last.
#
# Ours is the release build with the Swift runtime linked statically, as scripts/run.sh builds it;
# TOCSIN_RULEEVAL=/path/to/tocsin-ruleeval benchmarks that binary instead. The target is
# scripts/bench_evaluator_target.py (each 5 s slot's body is rendered once and cached). Everything listens on
# 127.0.0.1 only and is stopped by PID at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 100000)
seconds=${BENCH_SECONDS:-150}
settle=$((seconds / 3))

command -v prometheus >/dev/null || { echo "prometheus is not installed (apt-get install prometheus)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed for the synthetic target" >&2; exit 2; }
if [[ -n ${TOCSIN_RULEEVAL:-} ]]; then
    ours=$TOCSIN_RULEEVAL
else
    swift build -c release --static-swift-stdlib --product tocsin-ruleeval >/dev/null
    ours=$(swift build -c release --static-swift-stdlib --show-bin-path)/tocsin-ruleeval
fi

pids=()
directories=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    for directory in "${directories[@]}"; do rm -rf "$directory"; done
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# utime + stime of a process, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
status_kib() { awk -v field="$2:" '$1 == field {print $2}' "/proc/$1/status"; }
# The value of the first sample of metric $2 on http://$1/metrics.
metric() { curl -fs --max-time 4 "http://$1/metrics" | awk -v name="$2" 'index($0, name "{") == 1 || index($0, name " ") == 1 {print $NF; exit}'; }
# The value of PromQL $2 on the API at $1, or "-" when it has no answer.
api_value() {
    curl -fs --max-time 10 "http://$1/api/v1/query" --data-urlencode "query=$2" 2>/dev/null |
        python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "-")' 2>/dev/null ||
        echo "-"
}
median_max() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "- -"; else printf "%.4f %.4f\n", v[int((NR + 1) / 2)], v[NR]}'; }

write_files() {
    local directory=$1 target=$2
    cat >"$directory/prometheus.yml" <<YAML
global:
  scrape_interval: 5s
  scrape_timeout: 5s
  evaluation_interval: 5s
rule_files: [$directory/rules.yml]
scrape_configs:
  - job_name: bench
    static_configs: [{targets: ["$target"]}]
YAML
    cat >"$directory/rules.yml" <<'YAML'
groups:
  - name: bench
    rules:
      - record: service_code:bench_http_requests:rate1m
        expr: sum by (service, code) (rate(bench_http_requests_total[1m]))
      - record: service:bench_http_errors:ratio_rate1m
        expr: |
          sum by (service) (rate(bench_http_requests_total{code=~"5.."}[1m]))
            / sum by (service) (rate(bench_http_requests_total[1m]))
      - record: service:bench_request_duration_seconds:p99
        expr: histogram_quantile(0.99, sum by (service, le) (rate(bench_request_duration_seconds_bucket[1m])))
      - record: service:bench_queue_depth:avg
        expr: avg by (service) (bench_queue_depth)
      - alert: BenchQueueDeep
        expr: bench_queue_depth > 97
        for: 15s
        labels: {severity: ticket}
      - alert: BenchPodErrors
        expr: |
          sum by (pod) (rate(bench_http_requests_total{code=~"5.."}[1m]))
            / sum by (pod) (rate(bench_http_requests_total[1m])) > 0.2
        for: 15s
        labels: {severity: page}
YAML
}

run_size() {
    local series=$1 directory target_port prometheus_port ours_port
    directory=$(mktemp -d /tmp/bench-evaluator.XXXXXX)
    directories+=("$directory")
    target_port=$(free_port)
    prometheus_port=$(free_port)
    ours_port=$(free_port)
    python3 scripts/bench_evaluator_target.py "$series" "$target_port" &
    local target_pid=$!
    pids+=("$target_pid")
    for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$target_port/metrics" -o /dev/null && break; sleep 0.2; done
    write_files "$directory" "127.0.0.1:$target_port"

    prometheus --config.file="$directory/prometheus.yml" --storage.tsdb.path="$directory/prometheus" \
        --storage.tsdb.retention.time=1h --web.listen-address="127.0.0.1:$prometheus_port" \
        >"$directory/prometheus.log" 2>&1 &
    local prometheus_pid=$!
    pids+=("$prometheus_pid")
    "$ours" --config.file="$directory/prometheus.yml" --storage.path="$directory/ours" \
        --storage.retention=1h --web.drain-delay=0s --web.listen-address="127.0.0.1:$ours_port" >"$directory/ours.log" 2>&1 &
    local ours_pid=$!
    pids+=("$ours_pid")

    echo "== $series series: settling ${settle}s, then measuring $((seconds - settle))s" >&2
    sleep "$settle"
    local names=(prometheus tocsin-ruleeval) processes=("$prometheus_pid" "$ours_pid")
    local addresses=("127.0.0.1:$prometheus_port" "127.0.0.1:$ours_port")
    local durations=(prometheus_rule_group_last_duration_seconds tocsin_rule_group_last_duration_seconds)
    local ticks_before=() start end index
    for index in 0 1; do ticks_before[index]=$(cpu_ticks "${processes[index]}" 2>/dev/null || echo 0); done
    start=$(date +%s.%N)
    end=$(awk -v start="$start" -v span="$((seconds - settle))" 'BEGIN {printf "%.3f", start + span}')
    while awk -v now="$(date +%s.%N)" -v end="$end" 'BEGIN {exit !(now < end)}'; do
        for index in 0 1; do
            metric "${addresses[index]}" "${durations[index]}" >>"$directory/durations-$index" || true
        done
        sleep 5
    done
    local elapsed
    elapsed=$(awk -v start="$start" -v now="$(date +%s.%N)" 'BEGIN {printf "%.3f", now - start}')
    for index in 0 1; do
        local pid=${processes[index]}
        if ! kill -0 "$pid" 2>/dev/null; then
            printf '| %s | %s | exited (see log below) | | | | |\n' "$series" "${names[index]}"
            tail -n 20 "$directory/$([ "$index" -eq 0 ] && echo prometheus || echo ours).log" >&2
            continue
        fi
        local ticks rss peak cpu evaluation scraped
        ticks=$(cpu_ticks "$pid")
        rss=$(status_kib "$pid" VmRSS)
        peak=$(status_kib "$pid" VmHWM)
        cpu=$(awk -v t="$((ticks - ticks_before[index]))" -v hz="$(getconf CLK_TCK)" -v s="$elapsed" \
            'BEGIN {printf "%.1f", t / hz / s * 60}')
        evaluation=$(median_max <"$directory/durations-$index" 2>/dev/null || echo "- -")
        scraped=$(api_value "${addresses[index]}" 'scrape_samples_scraped{job="bench"}')
        printf '| %s | %s | %d MiB | %d MiB | %s s | %s s / %s s | %s |\n' "$series" "${names[index]}" \
            "$((rss / 1024))" "$((peak / 1024))" "$cpu" ${evaluation% *} ${evaluation#* } "$scraped"
    done
    kill "$ours_pid" "$prometheus_pid" "$target_pid" 2>/dev/null || true
    wait "$ours_pid" "$prometheus_pid" "$target_pid" 2>/dev/null || true
}

echo "prometheus: $(prometheus --version 2>&1 | head -n 1)"
echo "ours: $ours"
echo "$seconds s per size (${settle} s settling), 5 s scrape and evaluation interval, $(nproc) cores"
echo
echo "| series | process | RSS at end | peak RSS | CPU per minute | rule group evaluation (median / max) | samples scraped |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for series in "${sizes[@]}"; do run_size "$series"; done
