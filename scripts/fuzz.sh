#!/usr/bin/env bash
# Builds one libFuzzer target from Fuzz/<TARGET>.swift and runs it for a bounded time.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#
# The fuzz file's first line names the library modules it imports: `// fuzz-modules: PromText Exporter`.
# The libraries are built with SwiftPM under --sanitize=fuzzer,address into .build-fuzz, then the fuzz file
# is compiled and linked against their object files. Crashes, leaks of the harness and hangs (-timeout) fail
# the run. The corpus persists in fuzz-corpus/TARGET (git-ignored), so long runs build on earlier ones.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
shift 2
source_file="Fuzz/$target.swift"
[ -f "$source_file" ] || { echo "no fuzz target $source_file" >&2; exit 2; }
read -r -a modules <<<"$(sed -n '1s#^// fuzz-modules: ##p' "$source_file")"
[ ${#modules[@]} -gt 0 ] || { echo "$source_file: first line must be // fuzz-modules: MODULE..." >&2; exit 2; }

scratch=.build-fuzz
objects=()
for module in "${modules[@]}"; do
    swift build -q --scratch-path "$scratch" --sanitize=fuzzer --sanitize=address --target "$module"
    objects+=("$scratch"/debug/"$module".build/*.o)
done
out="$scratch/fuzz-$target"
swiftc -parse-as-library -sanitize=fuzzer,address -I "$scratch/debug/Modules" "$source_file" "${objects[@]}" \
    -o "$out" 2> >(grep -v 'Cannot export local symbol' >&2)
corpus="fuzz-corpus/$target"
mkdir -p "$corpus"
seeds=()
[ -d "Fuzz/seeds/$target" ] && seeds=("Fuzz/seeds/$target")
"$out" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "$@" \
    "$corpus" "${seeds[@]}"
