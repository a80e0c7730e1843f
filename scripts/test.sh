#!/usr/bin/env bash
# The one test command: installs the interop peers if missing, lints, builds with warnings as errors
# (debug and release), fuzzes every parser for a bounded time, then runs every test.
#
#   scripts/test.sh            # everything
#   FUZZ_SECONDS=0 scripts/test.sh   # skip the fuzz runs (quick local iteration)
set -euo pipefail
cd "$(dirname "$0")/.."

# Build prerequisites (as scripts/run.sh) and the interop peers the tests run.
scripts/install-packages.sh zlib1g-dev libssl-dev curl \
    prometheus prometheus-alertmanager prometheus-node-exporter chromium

echo "== swift format lint"
swift format lint --strict -r Package.swift Sources Tests Fuzz

echo "== release build, as scripts/run.sh and the Containerfile build it (the debug build below catches warnings)"
swift build -c release --static-swift-stdlib

echo "== debug build with tests (warnings are errors)"
swift build --build-tests -Xswiftc -warnings-as-errors

fuzz_seconds=${FUZZ_SECONDS:-20}
if [ "$fuzz_seconds" -gt 0 ]; then
    for target in Fuzz/*.swift; do
        name=$(basename "$target" .swift)
        echo "== fuzz $name for ${fuzz_seconds}s"
        scripts/fuzz.sh "$name" "$fuzz_seconds" >".build/fuzz-$name.log" 2>&1 || {
            tail -n 60 ".build/fuzz-$name.log"
            echo "fuzz target $name failed" >&2
            exit 1
        }
        grep -E '^(Done|stat::number_of_executed_units)' ".build/fuzz-$name.log" || true
    done
fi

echo "== tests"
export TOCSIN_REQUIRE_PEERS=1
TOCSIN_BIN_DIR=$(swift build --show-bin-path -Xswiftc -warnings-as-errors)
export TOCSIN_BIN_DIR
swift test --skip-build -Xswiftc -warnings-as-errors

echo "== smoke test of the run command (scripts/run.sh)"
scripts/smoke-run.sh
