#!/usr/bin/env bash
# The main job: builds Tocsin in release mode and runs it on the shipped monitoring/ files, printing the URLs;
# Ctrl-C stops everything it started (by PID).
#
#   scripts/run.sh [--exporter-address=127.0.0.1:9813]
#
# Today this checks the shipped monitoring/ files with tocsin-ruleeval check config, starts tocsin-exporter and
# lints its live output with tocsin-ruleeval check metrics; the evaluator service (scraping
# monitoring/prometheus.yml, evaluating monitoring/alert_rules.yml) joins here when it lands.
set -euo pipefail
cd "$(dirname "$0")/.."
exporter_address=127.0.0.1:9813
for argument in "$@"; do
    case "$argument" in
        --exporter-address=*) exporter_address=${argument#*=} ;;
        *) echo "usage: scripts/run.sh [--exporter-address=HOST:PORT]" >&2; exit 2 ;;
    esac
done

echo "== building (release)"
for product in tocsin-exporter tocsin-ruleeval; do swift build -c release --static-swift-stdlib --product "$product"; done
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)

pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 0' INT TERM

echo "== tocsin-ruleeval check config monitoring/prometheus.yml (and the rule files it names)"
"$bin/tocsin-ruleeval" check config monitoring/prometheus.yml

"$bin/tocsin-exporter" --web.listen-address="$exporter_address" --web.drain-delay=0s &
pids+=($!)
for _ in $(seq 1 100); do
    curl -fs "http://$exporter_address/health/ready" >/dev/null 2>&1 && break
    sleep 0.1
done

problems=$(curl -fs "http://$exporter_address/metrics" | "$bin/tocsin-ruleeval" check metrics 2>&1 | wc -l || true)
echo "== tocsin-ruleeval check metrics on the live output: $problems lint notes (node_memory_* names mirror /proc/meminfo)"

cat <<EOF2

Tocsin is running (Ctrl-C stops it):
  exporter metrics   http://$exporter_address/metrics
  startup probe      http://$exporter_address/health/startup
  liveness probe     http://$exporter_address/health/live
  readiness probe    http://$exporter_address/health/ready
  landing page       http://$exporter_address/
EOF2
wait
