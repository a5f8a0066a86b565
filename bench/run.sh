#!/usr/bin/env bash
# End-to-end benchmarks of the release binary, reported in docs/performance.md:
#
#   - `seloste check` on synthetic projects of 1,000 and 10,000 registers (bench/synth.rs),
#     against serde-saphyr alone parsing the same files (the bare-parse example);
#   - `seloste build` of the 1,000 registers, against Hugo rendering the Markdown it writes
#     and pandoc converting each of those Markdown files to standalone HTML;
#   - peak memory (maximum RSS) of each, from /usr/bin/time -v.
#
# Wall times are hyperfine medians; everything goes to target/bench/ (never committed).
#
#   bench/run.sh             # RUNS=10 per measurement (pandoc: PANDOC_RUNS=3)
#   QUIET_LOAD=1 bench/run.sh  # first wait (up to 10 min) for the 1-minute load average < 1
#   bench/run.sh --table     # print the table of the last run again
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=target/bench
RESULTS=$OUT/results
RUNS=${RUNS:-10}
PANDOC_RUNS=${PANDOC_RUNS:-3}
JOBS=$(nproc)
# The synthetic registers' dates and findings are fixed against this day.
export SELOSTE_TODAY=2026-11-01

if [ "${1:-}" != --table ]; then

# --- Tools, installed once (Debian packages). --------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v pandoc >/dev/null || missing+=(pandoc)
command -v hugo >/dev/null || missing+=(hugo)
command -v jq >/dev/null || missing+=(jq)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Binaries and projects. ----------------------------------------------------------------
cargo build --release --quiet --bin seloste --example synth-project --example bare-parse
SELOSTE=$PWD/target/release/seloste
SYNTH=$PWD/target/release/examples/synth-project
BARE=$PWD/target/release/examples/bare-parse
mkdir -p "$RESULTS"
"$SYNTH" "$OUT/synth-1000" 1000
"$SYNTH" "$OUT/synth-10000" 10000

# The Markdown Hugo and pandoc get: what `seloste build --front-matter hugo` writes.
rm -rf "$OUT/build-1000"
"$SELOSTE" build "$OUT/synth-1000" --front-matter hugo --out "$OUT/build-1000" 2>/dev/null

# A minimal Hugo site around that Markdown: two layouts of our own, no theme.
SITE=$OUT/hugo-site
rm -rf "$SITE"
mkdir -p "$SITE/layouts/_default" "$SITE/content/rekisterit"
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
cp "$OUT"/build-1000/*.md "$OUT/build-1000/_index.md" "$SITE/content/rekisterit/"

# --- A quiet machine. ----------------------------------------------------------------------
load() { cut -d' ' -f1 /proc/loadavg; }
if [ "${QUIET_LOAD:-0}" = 1 ]; then
    for _ in $(seq 60); do
        awk -v l="$(load)" 'BEGIN { exit !(l < 1) }' && break
        echo "load average $(load): waiting for a quieter machine" >&2
        sleep 10
    done
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Wall time (hyperfine) and peak memory (/usr/bin/time -v). -------------------------------
# time_it NAME RUNS PREPARE COMMAND
time_it() {
    local name=$1 runs=$2 prepare=$3 cmd=$4
    echo "== $name" >&2
    hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$prepare" \
        --export-json "$RESULTS/$name.json" "$cmd" >&2
    # Peak RSS of the largest process: the median of three runs, in KB.
    local rss=()
    for _ in 1 2 3; do
        bash -c "$prepare"
        /usr/bin/time -v -o "$RESULTS/$name.time" bash -c "$cmd" >/dev/null 2>&1
        rss+=("$(awk '/Maximum resident set size/ { print $NF }' "$RESULTS/$name.time")")
    done
    printf '%s\n' "${rss[@]}" | sort -n | sed -n 2p >"$RESULTS/$name.rss"
}

PANDOC_OUT=$OUT/pandoc-out
time_it check-1000 "$RUNS" true "$SELOSTE check $OUT/synth-1000"
time_it bare-model-1000 "$RUNS" true "$BARE model $OUT/synth-1000"
time_it bare-value-1000 "$RUNS" true "$BARE value $OUT/synth-1000"
time_it check-10000 "$RUNS" true "$SELOSTE check $OUT/synth-10000"
time_it bare-model-10000 "$RUNS" true "$BARE model $OUT/synth-10000"
time_it bare-value-10000 "$RUNS" true "$BARE value $OUT/synth-10000"
time_it build-1000 "$RUNS" "rm -rf $OUT/build-1000" \
    "$SELOSTE build $OUT/synth-1000 --front-matter hugo --out $OUT/build-1000"
time_it hugo-1000 "$RUNS" "rm -rf $OUT/hugo-public" \
    "hugo --quiet --source $SITE --destination $PWD/$OUT/hugo-public"
time_it pandoc-1000 "$PANDOC_RUNS" "rm -rf $PANDOC_OUT && mkdir -p $PANDOC_OUT" \
    "ls $OUT/build-1000/*.md | xargs -P $JOBS -n 1 sh -c 'pandoc -s --quiet -o $PANDOC_OUT/\$(basename \"\$1\" .md).html \"\$1\"' sh"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$LOAD_BEFORE" >"$RESULTS/load-before"
echo "$LOAD_AFTER" >"$RESULTS/load-after"
fi

# --- The table. ----------------------------------------------------------------------------
median() { jq '.results[0].median' "$RESULTS/$1.json"; }
row() {
    jq -r --arg what "$2" --arg rss "$(cat "$RESULTS/$1.rss")" \
        '.results[0] | "| \($what) | \(.median * 1000 | round) ms | \(.min * 1000 | round)–\(.max * 1000 | round) ms | \(.times | length) | \($rss | tonumber / 1024 | round) MB |"' \
        "$RESULTS/$1.json"
}
ratio() { awk -v a="$(median "$1")" -v b="$(median "$2")" 'BEGIN { printf "%.2f", a / b }'; }
MB_1000=$(du -sm --apparent-size "$OUT/synth-1000/notices" | cut -f1)
MB_10000=$(du -sm --apparent-size "$OUT/synth-10000/notices" | cut -f1)
{
    echo "Machine: $JOBS cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //');" \
        "load average before $(cat "$RESULTS/load-before"), after $(cat "$RESULTS/load-after")"
    echo "Projects: 1,000 registers ($MB_1000 MB), 10,000 registers ($MB_10000 MB)"
    echo
    echo "| measurement | median | range | runs | peak RSS |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    row check-1000 "seloste check, 1,000 registers"
    row bare-model-1000 "serde-saphyr alone → model, 1,000"
    row bare-value-1000 "serde-saphyr alone → Value, 1,000"
    row check-10000 "seloste check, 10,000 registers"
    row bare-model-10000 "serde-saphyr alone → model, 10,000"
    row bare-value-10000 "serde-saphyr alone → Value, 10,000"
    row build-1000 "seloste build, 1,000 registers"
    row hugo-1000 "Hugo, our 1,000 Markdown files"
    row pandoc-1000 "pandoc -s, each of the 1,000 files ($JOBS at a time)"
    echo
    echo "| ratio | value |"
    echo "| --- | ---: |"
    echo "| check ÷ bare parse (model), 1,000 | $(ratio check-1000 bare-model-1000) |"
    echo "| check ÷ bare parse (model), 10,000 | $(ratio check-10000 bare-model-10000) |"
    echo "| Hugo ÷ seloste build | $(ratio hugo-1000 build-1000) |"
    echo "| pandoc ÷ seloste build | $(ratio pandoc-1000 build-1000) |"
} | tee "$RESULTS/table.md"
