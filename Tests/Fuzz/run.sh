#!/usr/bin/env bash
# Builds the libFuzzer binary and fuzzes the input readers (README "Fuzzing").
#   Tests/Fuzz/run.sh [SECONDS] [libFuzzer flags...]     default 660 s
# Works in .build-fuzz (a scratch path of its own, so the normal .build is left alone): the growing corpus
# in .build-fuzz/corpus (seeded from Tests/Fuzz/corpus), crashes, timeouts and OOMs in .build-fuzz/artifacts,
# the log in .build-fuzz/fuzz.log. Keep what it finds, minimized, in Tests/Fuzz/regressions.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-660}
shift || true
swift build -c release --product TokenPlantFuzz --scratch-path .build-fuzz \
    -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
    -Xcc -fsanitize=fuzzer-no-link,address
mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
cp -n Tests/Fuzz/corpus/* .build-fuzz/corpus/
# Swift's own crash backtracer would delay libFuzzer's crash report; libFuzzer prints the stack itself.
SWIFT_BACKTRACE=enable=no .build-fuzz/release/TokenPlantFuzz .build-fuzz/corpus \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -artifact_prefix=.build-fuzz/artifacts/ \
    -print_final_stats=1 "$@" 2>&1 | tee .build-fuzz/fuzz.log
