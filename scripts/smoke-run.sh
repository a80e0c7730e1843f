#!/usr/bin/env bash
# Smoke test of the README's run command: starts scripts/run.sh, waits until every endpoint it prints answers,
# checks the evaluator scrapes the exporter, then sends Ctrl-C (SIGINT) and checks everything stopped.
# Bounded: 10 minutes for the (normally cached) release build and start, 30 s to stop.
set -euo pipefail
cd "$(dirname "$0")/.."
log=.build/smoke-run.log
mkdir -p .build
setsid scripts/run.sh >"$log" 2>&1 &
run_pid=$!
cleanup() { kill -INT -- "-$run_pid" 2>/dev/null || true; }
trap cleanup EXIT

fail() { echo "smoke-run: $*" >&2; tail -n 40 "$log" >&2; exit 1; }

deadline=$((SECONDS + 600))
until grep -q "Tocsin is running" "$log"; do
    kill -0 "$run_pid" 2>/dev/null || fail "run.sh exited before it was running"
    [ $SECONDS -lt $deadline ] || fail "run.sh did not start within 10 minutes"
    sleep 1
done

endpoints=(
    http://127.0.0.1:9813/metrics http://127.0.0.1:9813/health/startup http://127.0.0.1:9813/health/live
    http://127.0.0.1:9813/health/ready http://127.0.0.1:9814/ http://127.0.0.1:9814/metrics
    http://127.0.0.1:9814/health/startup http://127.0.0.1:9814/health/live http://127.0.0.1:9814/api/v1/alerts
    http://127.0.0.1:9814/api/v1/rules http://127.0.0.1:9814/api/v1/targets
)
for url in "${endpoints[@]}"; do
    curl -fsS --max-time 5 -o /dev/null "$url" || fail "$url did not answer 200"
    echo "ok  $url"
done
# The evaluator's first scrapes and evaluations make it ready; the scrape interval of monitoring/ is 15 s.
ready_deadline=$((SECONDS + 60))
until curl -fs --max-time 5 -o /dev/null http://127.0.0.1:9814/health/ready; do
    [ $SECONDS -lt $ready_deadline ] || fail "the evaluator was not ready within 60 s"
    sleep 1
done
echo "ok  http://127.0.0.1:9814/health/ready"
curl -fsS --max-time 5 'http://127.0.0.1:9814/api/v1/query?query=up%7Bjob%3D%22tocsin-exporter%22%7D' \
    | grep -q '"value":\[[0-9.]*,"1"\]' || fail "the evaluator does not see the exporter up"
echo "ok  up{job=\"tocsin-exporter\"} == 1"
curl -fsS --max-time 5 -X POST --data '{}' http://127.0.0.1:9095/smoke >/dev/null || fail "the receiver did not answer"
echo "ok  http://127.0.0.1:9095 receiver"

kill -INT -- "-$run_pid"
stop_deadline=$((SECONDS + 30))
while kill -0 "$run_pid" 2>/dev/null; do
    [ $SECONDS -lt $stop_deadline ] || fail "run.sh did not stop within 30 s of Ctrl-C"
    sleep 0.5
done
trap - EXIT
for port in 9813 9814 9095 9093; do
    if curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$port/"; then fail "port $port still answers after Ctrl-C"; fi
done
echo "ok  everything stopped on Ctrl-C"
