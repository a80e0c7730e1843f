#!/usr/bin/env bash
# The main job: builds Tocsin in release mode and runs the local stack on the shipped monitoring/ files:
#   tocsin-exporter         127.0.0.1:9813  node metrics and probes
#   tocsin-ruleeval         127.0.0.1:9814  scrapes the exporter and itself, evaluates monitoring/alert_rules.yml,
#                                           dispatches with monitoring/notifications.yml, status page and API
#   tocsin-webhook-printer  127.0.0.1:9095  the receivers of monitoring/notifications.yml, printing notifications
#                           127.0.0.1:9093  standing in for the Alertmanager monitoring/prometheus.yml names
# Ctrl-C stops everything it started (by PID). State goes to .build/run-data.
#
#   scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then echo "usage: scripts/run.sh" >&2; exit 2; fi

# Build prerequisites: zlib (exporter gzip), OpenSSL 3 (the evaluator's HTTPS), curl (waiting for readiness).
scripts/install-packages.sh zlib1g-dev libssl-dev curl

echo "== building (release)"
for product in tocsin-exporter tocsin-ruleeval tocsin-webhook-printer; do
    swift build -c release --static-swift-stdlib --product "$product"
done
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)

pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 0' INT TERM

wait_ready() {
    for _ in $(seq 1 150); do
        curl -fs "$1" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "run.sh: $1 did not answer within 30 s" >&2
    exit 1
}

echo "== tocsin-ruleeval check config monitoring/prometheus.yml (and the rule files it names)"
"$bin/tocsin-ruleeval" check config monitoring/prometheus.yml

"$bin/tocsin-webhook-printer" --web.listen-address=127.0.0.1:9095 --web.listen-address=127.0.0.1:9093 &
pids+=($!)
"$bin/tocsin-exporter" --web.listen-address=127.0.0.1:9813 --web.drain-delay=0s &
pids+=($!)
wait_ready http://127.0.0.1:9813/health/ready
mkdir -p .build/run-data
"$bin/tocsin-ruleeval" --config.file=monitoring/prometheus.yml --web.listen-address=127.0.0.1:9814 \
    --storage.path=.build/run-data --web.enable-lifecycle --web.drain-delay=0s \
    --notifier.config.file=monitoring/notifications.yml &
pids+=($!)
wait_ready http://127.0.0.1:9814/health/startup

cat <<EOF2

Tocsin is running (Ctrl-C stops it); notifications are printed below as they arrive.
  exporter metrics      http://127.0.0.1:9813/metrics
  exporter probes       http://127.0.0.1:9813/health/startup  /health/live  /health/ready
  evaluator status page http://127.0.0.1:9814/
  evaluator metrics     http://127.0.0.1:9814/metrics
  evaluator probes      http://127.0.0.1:9814/health/startup  /health/live  /health/ready
  evaluator API         http://127.0.0.1:9814/api/v1/alerts  /api/v1/rules  /api/v1/targets
  evaluator reload      curl -X POST http://127.0.0.1:9814/-/reload
EOF2
wait
