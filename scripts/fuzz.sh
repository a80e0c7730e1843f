#!/usr/bin/env bash
# Builds one libFuzzer target from Fuzz/<TARGET>.swift and runs it for a bounded time.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#
# The fuzz file's first line names the library modules it imports, dependencies first:
# `// fuzz-modules: PromText Exporter`. Each module is compiled whole-module with swiftc under
# -sanitize=fuzzer,address (so libFuzzer sees coverage of the library code, not only of the harness), then the
# fuzz file is linked against them. Crashes, address errors and hangs (-timeout) fail the run. The corpus persists
# in fuzz-corpus/TARGET (git-ignored), so long runs build on earlier ones; Fuzz/seeds/TARGET seeds it.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
shift 2
source_file="Fuzz/$target.swift"
[ -f "$source_file" ] || { echo "no fuzz target $source_file" >&2; exit 2; }
read -r -a modules <<<"$(sed -n '1s#^// fuzz-modules: ##p' "$source_file")"
[ ${#modules[@]} -gt 0 ] || { echo "$source_file: first line must be // fuzz-modules: MODULE..." >&2; exit 2; }

# Instrumented library modules are shared by every target and rebuilt only when a source is newer than the object
# (or a module it imports was rebuilt).
modules_dir=.build-fuzz/modules
mkdir -p "$modules_dir"
flags=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -I "$modules_dir" -I Sources/CZlib -I Sources/COpenSSL)
objects=()
for module in "${modules[@]}"; do
    object="$modules_dir/$module.o"
    stale=false
    [ -f "$object" ] || stale=true
    [ -f "$object" ] && [ -n "$(find "Sources/$module" -name '*.swift' -newer "$object" | head -1)" ] && stale=true
    for dependency in "${objects[@]}"; do [ "$dependency" -nt "$object" ] && stale=true; done
    if $stale; then
        mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort)
        swiftc "${flags[@]}" -wmo -module-name "$module" -emit-module \
            -emit-module-path "$modules_dir/$module.swiftmodule" -c "${sources[@]}" -o "$object" \
            2> >(grep -v 'Cannot export local symbol' >&2)
    fi
    objects+=("$object")
done
out=.build-fuzz/$target
mkdir -p "$out"
swiftc "${flags[@]}" "$source_file" "${objects[@]}" -lz -lssl -lcrypto -o "$out/fuzzer" 2> >(grep -v 'Cannot export local symbol' >&2)

corpus="fuzz-corpus/$target"
mkdir -p "$corpus"
seeds=()
[ -d "Fuzz/seeds/$target" ] && seeds=("Fuzz/seeds/$target")
"$out/fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "$@" \
    "$corpus" "${seeds[@]}"
