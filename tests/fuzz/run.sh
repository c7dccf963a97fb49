#!/bin/sh
# Runs a fuzz target of tests/fuzz: `tests/fuzz/run.sh generate|response [SECONDS] [libFuzzer options]`.
# Without SECONDS it runs until stopped. New inputs go to corpus/<target>/ (ignored by git);
# a crash is written to artifacts/<target>/ and stops the run.
set -eu
target=${1:?"usage: $0 generate|response [SECONDS] [libFuzzer options]"}
seconds=${2:-0}
[ $# -ge 2 ] && shift 2 || shift $#
cd "$(dirname "$0")"
mkdir -p "corpus/$target"
if [ "$target" = generate ]; then
    # The golden models and model/ are seeds too; they are not copied into seeds/ so that
    # they cannot go stale.
    for model in ../golden/*/model.json; do
        case_name=$(basename "$(dirname "$model")")
        cp "$model" "corpus/generate/golden-$case_name.json"
    done
    cp ../../model/* corpus/generate/
fi
# The generator and the generated code are safe Rust (`unsafe_code` is forbidden), so the run
# goes without AddressSanitizer, which would only halve the executions. Overflow checks and
# debug assertions stay on.
exec cargo +nightly fuzz run --sanitizer none "$target" "corpus/$target" "seeds/$target" -- \
    -dict="$target.dict" -timeout=20 -rss_limit_mb=4096 -max_total_time="$seconds" -print_final_stats=1 "$@"
