#!/usr/bin/env bash
# End-to-end benchmarks of the release binary, reported in docs/performance.md:
#
#   - `seloste check` on synthetic projects of 1,000 and 10,000 registers (bench/synth.rs),
#     against serde-saphyr alone parsing the same files (the bare-parse example);
#   - `seloste build` of the 1,000 registers, against Hugo rendering the Markdown it writes
#     and pandoc converting each of those Markdown files to standalone HTML;
#   - `seloste build` at scale, 10,000 and 50,000 registers: wall time and peak memory, which
#     must stay flat (issue 11: pages are written in batches, registers loaded again);
#   - peak memory (maximum RSS of the largest process), from /usr/bin/time -v.
#
# Wall times are hyperfine medians; everything goes to target/bench/ (never committed).
#
#   bench/run.sh               # RUNS=10 per measurement (pandoc: PANDOC_RUNS=3; the builds
#                              # at scale: SCALE_RUNS=3)
#   QUIET=1 bench/run.sh       # before each measurement, wait until the machine is < 10% busy
#   bench/run.sh --table       # print the table of the last run again
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=target/bench
RESULTS=$OUT/results
SITE=$OUT/hugo-site
PANDOC_OUT=$OUT/pandoc-out
# Output in memory too: on this machine creating a file costs ~0.2 ms, which a build of 2,002
# files and a Hugo site of 1,001 pages both pay.
TMPFS=/dev/shm/seloste-bench
RUNS=${RUNS:-10}
PANDOC_RUNS=${PANDOC_RUNS:-3}
SCALE_RUNS=${SCALE_RUNS:-3}
JOBS=$(nproc)
# The synthetic registers' dates, and so their findings, are fixed against this day.
export SELOSTE_TODAY=2026-11-01

# Installs what is missing (Debian packages), so the script runs on a fresh machine.
install_tools() {
    local missing=()
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    command -v pandoc >/dev/null || missing+=(pandoc)
    command -v hugo >/dev/null || missing+=(hugo)
    command -v jq >/dev/null || missing+=(jq)
    [ -x /usr/bin/time ] || missing+=(time)
    [ ${#missing[@]} -eq 0 ] && return
    echo "installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The binaries, the two projects, and a minimal Hugo site around the Markdown of the first.
prepare() {
    cargo build --release --quiet --bin seloste --example synth-project --example bare-parse
    mkdir -p "$RESULTS"
    "$SYNTH" "$OUT/synth-1000" 1000
    "$SYNTH" "$OUT/synth-10000" 10000
    "$SYNTH" "$OUT/synth-50000" 50000

    # What Hugo and pandoc get: the Markdown `seloste build --front-matter hugo` writes.
    rm -rf "$OUT/build-1000" "$SITE"
    "$SELOSTE" build "$OUT/synth-1000" --front-matter hugo --out "$OUT/build-1000" 2>/dev/null
    mkdir -p "$SITE/layouts/_default" "$SITE/content/rekisterit"
    cp "$OUT"/build-1000/*.md "$SITE/content/rekisterit/"
    # Two layouts of our own and no theme: Hugo renders the Markdown and wraps it.
    cat >"$SITE/hugo.toml" <<'EOF'
baseURL = "https://example.org/"
languageCode = "fi"
title = "Tietosuojaselosteet"
buildFuture = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
EOF
    cat >"$SITE/layouts/_default/single.html" <<'EOF'
<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
EOF
    cat >"$SITE/layouts/_default/list.html" <<'EOF'
<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
EOF
}

# The share of the machine's CPU time (0–1) that was busy over the last two seconds.
busy() {
    local a b
    read -ra a < <(head -1 /proc/stat)
    sleep 2
    read -ra b < <(head -1 /proc/stat)
    # cpu user nice system idle iowait irq softirq steal
    awk -v t="$(( (b[1]+b[2]+b[3]+b[4]+b[5]+b[6]+b[7]+b[8]) - (a[1]+a[2]+a[3]+a[4]+a[5]+a[6]+a[7]+a[8]) ))" \
        -v i="$(( (b[4]+b[5]) - (a[4]+a[5]) ))" 'BEGIN { printf "%.2f", t ? 1 - i / t : 0 }'
}

# Before each measurement: how busy the machine is with other work, and with QUIET=1 a wait
# (up to ten minutes) until less than 10% of it is.
wait_for_quiet() {
    local name=$1 b
    b=$(busy)
    if [ "${QUIET:-0}" = 1 ]; then
        for _ in $(seq 120); do
            awk -v b="$b" 'BEGIN { exit !(b < 0.10) }' && break
            echo "$(awk -v b="$b" 'BEGIN { printf "%d", b * 100 }')% busy: waiting for a quieter machine" >&2
            sleep 3
            b=$(busy)
        done
    fi
    echo "$b" >"$RESULTS/$name.busy"
}

# time_it NAME RUNS PREPARE COMMAND: wall time with hyperfine (after one warm-up run), then
# the peak RSS of the largest process, the median of three runs.
time_it() {
    local name=$1 runs=$2 prepare=$3 cmd=$4
    wait_for_quiet "$name"
    echo "== $name ($(awk '{ printf "%d", $1 * 100 }' "$RESULTS/$name.busy")% busy before)" >&2
    hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$prepare" \
        --export-json "$RESULTS/$name.json" "$cmd" >&2
    local rss=()
    for _ in 1 2 3; do
        bash -c "$prepare"
        /usr/bin/time -v -o "$RESULTS/$name.time" bash -c "$cmd" >/dev/null 2>&1
        rss+=("$(awk '/Maximum resident set size/ { print $NF }' "$RESULTS/$name.time")")
    done
    printf '%s\n' "${rss[@]}" | sort -n | sed -n 2p >"$RESULTS/$name.rss"
}

measure() {
    install_tools
    prepare
    cut -d' ' -f1-3 /proc/loadavg >"$RESULTS/load-before"
    time_it check-1000 "$RUNS" true "$SELOSTE check $OUT/synth-1000"
    time_it bare-model-1000 "$RUNS" true "$BARE model $OUT/synth-1000"
    time_it bare-value-1000 "$RUNS" true "$BARE value $OUT/synth-1000"
    time_it check-10000 "$RUNS" true "$SELOSTE check $OUT/synth-10000"
    time_it bare-model-10000 "$RUNS" true "$BARE model $OUT/synth-10000"
    time_it bare-value-10000 "$RUNS" true "$BARE value $OUT/synth-10000"
    time_it build-1000 "$RUNS" "rm -rf $OUT/build-1000" \
        "$SELOSTE build $OUT/synth-1000 --front-matter hugo --out $OUT/build-1000"
    # Again over the previous output: only what changed is written (here nothing).
    time_it rebuild-1000 "$RUNS" true \
        "$SELOSTE build $OUT/synth-1000 --front-matter hugo --out $OUT/build-1000"
    time_it hugo-1000 "$RUNS" "rm -rf $OUT/hugo-public" \
        "hugo --quiet --source $SITE --destination $PWD/$OUT/hugo-public"
    time_it build-1000-tmpfs "$RUNS" "rm -rf $TMPFS/build" \
        "$SELOSTE build $OUT/synth-1000 --front-matter hugo --out $TMPFS/build"
    time_it hugo-1000-tmpfs "$RUNS" "rm -rf $TMPFS/hugo-public" \
        "hugo --quiet --source $SITE --destination $TMPFS/hugo-public"
    # At scale: the time must grow linearly and the memory not at all with the pages.
    time_it build-10000 "$SCALE_RUNS" "rm -rf $OUT/build-10000" \
        "$SELOSTE build $OUT/synth-10000 --out $OUT/build-10000"
    time_it build-50000 "$SCALE_RUNS" "rm -rf $OUT/build-50000" \
        "$SELOSTE build $OUT/synth-50000 --out $OUT/build-50000"
    rm -rf "$OUT/build-10000" "$OUT/build-50000"
    time_it pandoc-1000 "$PANDOC_RUNS" "rm -rf $PANDOC_OUT && mkdir -p $PANDOC_OUT" \
        "ls $OUT/build-1000/*.md | xargs -P $JOBS -n 1 sh -c 'pandoc -s --quiet -o $PANDOC_OUT/\$(basename \"\$1\" .md).html \"\$1\"' sh"
    cut -d' ' -f1-3 /proc/loadavg >"$RESULTS/load-after"
    rm -rf "$TMPFS"
}

median() { jq '.results[0].median' "$RESULTS/$1.json"; }

# row NAME TEXT: one line of the table.
row() {
    jq -r --arg what "$2" --arg rss "$(cat "$RESULTS/$1.rss")" --arg busy "$(cat "$RESULTS/$1.busy")" \
        '.results[0] | "| \($what) | \(.median * 1000 | round) ms | \(.min * 1000 | round)–\(.max * 1000 | round) ms | \(.times | length) | \($rss | tonumber / 1024 | round) MB | \($busy | tonumber * 100 | round)% |"' \
        "$RESULTS/$1.json"
}

ratio() { awk -v a="$(median "$1")" -v b="$(median "$2")" 'BEGIN { printf "%.2f", a / b }'; }

table() {
    local mb_1000 mb_10000 mb_50000
    mb_1000=$(du -sm --apparent-size "$OUT/synth-1000/notices" | cut -f1)
    mb_10000=$(du -sm --apparent-size "$OUT/synth-10000/notices" | cut -f1)
    mb_50000=$(du -sm --apparent-size "$OUT/synth-50000/notices" | cut -f1)
    {
        echo "Machine: $JOBS cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //');" \
            "load average before $(cat "$RESULTS/load-before"), after $(cat "$RESULTS/load-after")"
        echo "Projects: 1,000 registers ($mb_1000 MB), 10,000 registers ($mb_10000 MB), 50,000 registers ($mb_50000 MB)"
        echo
        echo "| measurement | median | range | runs | peak RSS | busy before |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: |"
        row check-1000 "seloste check, 1,000 registers"
        row bare-model-1000 "serde-saphyr alone → model, 1,000"
        row bare-value-1000 "serde-saphyr alone → Value, 1,000"
        row check-10000 "seloste check, 10,000 registers"
        row bare-model-10000 "serde-saphyr alone → model, 10,000"
        row bare-value-10000 "serde-saphyr alone → Value, 10,000"
        row build-1000 "seloste build, 1,000 registers"
        row rebuild-1000 "seloste build, 1,000, again over its own output"
        row hugo-1000 "Hugo, our 1,000 Markdown files"
        row build-1000-tmpfs "seloste build, 1,000, output on tmpfs"
        row hugo-1000-tmpfs "Hugo, 1,000, output on tmpfs"
        row build-10000 "seloste build, 10,000 registers"
        row build-50000 "seloste build, 50,000 registers"
        row pandoc-1000 "pandoc -s, each of the 1,000 files ($JOBS at a time)"
        echo
        echo "| ratio | value |"
        echo "| --- | ---: |"
        echo "| check ÷ bare parse (model), 1,000 | $(ratio check-1000 bare-model-1000) |"
        echo "| check ÷ bare parse (model), 10,000 | $(ratio check-10000 bare-model-10000) |"
        echo "| Hugo ÷ seloste build | $(ratio hugo-1000 build-1000) |"
        echo "| Hugo ÷ seloste build, output on tmpfs | $(ratio hugo-1000-tmpfs build-1000-tmpfs) |"
        echo "| pandoc ÷ seloste build | $(ratio pandoc-1000 build-1000) |"
        echo "| build 50,000 ÷ build 10,000 (linear: 5) | $(ratio build-50000 build-10000) |"
    } | tee "$RESULTS/table.md"
}

SELOSTE=$PWD/target/release/seloste
SYNTH=$PWD/target/release/examples/synth-project
BARE=$PWD/target/release/examples/bare-parse
[ "${1:-}" = --table ] || measure
table
