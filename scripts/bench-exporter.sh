#!/usr/bin/env bash
# Benchmark: GET /metrics under wrk against tocsin-exporter and prometheus-node-exporter (Debian package)
# restricted to the same collectors, in the same run, plus each process's RSS after the load.
#
#   scripts/bench-exporter.sh [SECONDS] [CONNECTIONS]
#
# Ours is the release build linked as a fully static executable (Swift runtime and glibc), as
# deploy/container/Containerfile builds it: no shared libraries mapped, about 3 MB less resident memory than
# `--static-swift-stdlib`, which itself halved the dynamically linked build's. It is built in its own scratch
# directory, since its compiler flags differ from the ordinary release build's. TOCSIN_EXPORTER=/path/to/tocsin-exporter
# benchmarks that binary instead, e.g. an older build for a before/after comparison in the same conditions.
#
# Both listen on 127.0.0.1 only; both are stopped by PID at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-2}
collectors=(cpu meminfo loadavg filesystem diskstats netdev stat time uname os)
flags=(--collector.disable-defaults)
for c in "${collectors[@]}"; do flags+=("--collector.$c"); done

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
command -v prometheus-node-exporter >/dev/null || { echo "prometheus-node-exporter is not installed" >&2; exit 2; }
if [[ -n ${TOCSIN_EXPORTER:-} ]]; then
    ours=$TOCSIN_EXPORTER
else
    static=(-c release --scratch-path .build/static-executable -Xswiftc -static-executable)
    swift build "${static[@]}" --product tocsin-exporter >/dev/null 2>&1
    ours=$(swift build "${static[@]}" --show-bin-path)/tocsin-exporter
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# utime + stime of a process, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run_one() {
    local label=$1 address=$2
    shift 2
    "$@" --web.listen-address="$address" "${flags[@]}" >/dev/null 2>&1 &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 1 50); do curl -fs "http://$address/metrics" >/dev/null && break; sleep 0.1; done
    local bytes
    bytes=$(curl -fs "http://$address/metrics" | wc -c)
    echo "== $label (pid $pid, $bytes bytes per scrape)"
    local ticks_before ticks_after output requests
    ticks_before=$(cpu_ticks "$pid")
    output=$(wrk -t "$connections" -c "$connections" -d "${seconds}s" --latency "http://$address/metrics")
    ticks_after=$(cpu_ticks "$pid")
    grep -E "Requests/sec|Latency |50%|99%" <<<"$output"
    requests=$(awk '/requests in/ {print $1}' <<<"$output")
    # CPU time per request depends far less on other load on the machine than req/s does.
    echo "CPU per scrape: $(( (ticks_after - ticks_before) * 1000000 / $(getconf CLK_TCK) / requests )) us"
    echo "RSS after load: $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status"), threads: $(awk '/Threads/ {print $2}' "/proc/$pid/status")"
    kill "$pid"
}

echo "wrk: $connections connections, ${seconds}s, collectors: ${collectors[*]}"
run_one "tocsin-exporter" 127.0.0.1:19813 "$ours"
run_one "prometheus-node-exporter" 127.0.0.1:19100 prometheus-node-exporter
