#!/usr/bin/env bash
# Runs one fuzz target (or all of them in turn) for a given time, on one core, and says what it
# found. Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#
# Usage: fuzz/run.sh TARGET|all [SECONDS]     (default 60 seconds per target)
#
#   SANITIZER=none fuzz/run.sh ...   build without AddressSanitizer (faster, see README.md)
#   FUZZ_LOG_DIR=dir                 where the libFuzzer logs go (default fuzz/logs/)
#
# The run is in fork mode with one worker and crashes, timeouts and OOMs ignored: libFuzzer
# would stop at the first crash, and a long run should go on to find the next. Every crash is
# kept under fuzz/artifacts/TARGET/; README.md says how to minimise it and make it a test.
set -euo pipefail
fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
cd "$fuzz_dir"

targets_all=(load_register pipeline_register project_file)
target="${1:?usage: fuzz/run.sh TARGET|all [SECONDS]; targets: ${targets_all[*]}}"
seconds="${2:-60}"
sanitizer="${SANITIZER:-address}"
log_dir="${FUZZ_LOG_DIR:-$fuzz_dir/logs}"
mkdir -p "$log_dir"

# The fuzz crate has its own target directory: nightly, sanitizer flags and coverage
# instrumentation would only evict the main crate's cached builds.
unset CARGO_TARGET_DIR
# The pipeline runs registers in parallel; one thread keeps the run on one core and each
# execution deterministic.
export RAYON_NUM_THREADS=1

if [ "$target" = all ]; then
    targets=("${targets_all[@]}")
    # Targets written on other branches run too once their [[bin]] is in Cargo.toml.
    grep -q '^name = "markdown_sanitiser"' Cargo.toml && targets+=(markdown_sanitiser)
else
    targets=("$target")
fi

for t in "${targets[@]}"; do
    nice -n 19 cargo +nightly fuzz build -O --sanitizer "$sanitizer" "$t" 2>&1 |
        grep -v '^\s*Compiling' || true
done

for t in "${targets[@]}"; do
    "$fuzz_dir/corpus.sh" "$t"
    mkdir -p "artifacts/$t"
    crashes_before=$(find "artifacts/$t" -type f | wc -l)
    stamp="$(mktemp)"
    log="$log_dir/$t-$(date +%Y%m%dT%H%M%S).log"
    # A target may have a dictionary of its own (markdown_sanitiser.dict); else YAML's.
    dict=yaml.dict
    [ -f "$t.dict" ] && dict="$t.dict"
    echo "fuzzing $t for ${seconds}s (sanitizer: $sanitizer, dictionary: $dict); log: $log"
    # /usr/bin/time -v reports the peak RSS of the whole process tree (fork-mode children
    # included).
    status=0
    /usr/bin/time -v nice -n 19 cargo +nightly fuzz run -O --sanitizer "$sanitizer" \
        "$t" "corpus/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=16384 \
        -dict="$dict" -print_final_stats=1 \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        >"$log" 2>&1 || status=$?

    # Fork mode prints `#EXECS: cov: … corp: N exec/s: R oom/timeout/crash: O/T/C time: Ss`.
    last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true)
    execs=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$last")
    rate=$(sed -nE 's/.* exec\/s: ([0-9]+).*/\1/p' <<<"$last")
    corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
    otc=$(sed -nE 's/.* oom\/timeout\/crash: ([0-9]+\/[0-9]+\/[0-9]+).*/\1/p' <<<"$last")
    took=$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")
    rss_kb=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p' "$log")
    crashes_after=$(find "artifacts/$t" -type f | wc -l)
    echo "== $t: ${execs:-?} executions in ${took:-?}s (${rate:-?} exec/s), corpus ${corp:-?} inputs" \
        "($(find "corpus/$t" -type f | wc -l) files), peak RSS $(( ${rss_kb:-0} / 1024 )) MiB," \
        "oom/timeout/crash ${otc:-?}, $((crashes_after - crashes_before)) new artifacts" \
        "in fuzz/artifacts/$t/ (exit $status)"
    find "artifacts/$t" -type f -newer "$stamp" -printf '   fuzz/%p\n' | head -20
    rm -f "$stamp"
done
