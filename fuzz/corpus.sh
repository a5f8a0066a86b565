#!/usr/bin/env bash
# Makes the seed corpus of each fuzz target from the repository's own YAML: the registers of
# the sample and of every example, the project files, and the test fixtures. Seeds are copied
# into fuzz/corpus/<target>/ (not committed) under a name derived from their path, so running
# this again adds nothing twice and never removes what a fuzzer has found.
#
# Usage: fuzz/corpus.sh [TARGET...]   (default: every target)
set -euo pipefail
fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz_dir")"
cd "$root"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(load_register pipeline_register project_file)
fi

registers() { ls notices/*.yaml examples/*/notices/*.yaml; }
projects() { ls seloste.yaml examples/*/seloste.yaml; }
fixtures() { find tests/fixtures -name '*.yaml' -o -name '*.yml' | sort; }
markdown() { ls README.md docs/*.md examples/*/README.md templates/*.md 2>/dev/null || true; }

for target in "${targets[@]}"; do
    case "$target" in
        # The register targets also see project files and fixtures: what breaks one parser
        # breaks the other, and the fixtures hold the odd inputs the tests already know.
        load_register | pipeline_register) seeds() { registers; fixtures; projects; } ;;
        project_file) seeds() { projects; fixtures; registers; } ;;
        # User text as the sanitiser sees it: Markdown documents, and the registers' prose.
        markdown_sanitiser) seeds() { markdown; registers; } ;;
        *) echo "corpus.sh: no seeds for target '$target'" >&2; continue ;;
    esac
    out="$fuzz_dir/corpus/$target"
    mkdir -p "$out"
    n=0
    while read -r f; do
        cp "$f" "$out/seed-$(echo "$f" | tr '/' '_')"
        n=$((n + 1))
    done < <(seeds)
    echo "corpus/$target: $n seeds, $(ls "$out" | wc -l) inputs in all"
done
