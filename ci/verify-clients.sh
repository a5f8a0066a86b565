#!/usr/bin/env bash
# Verifies the rendered sample project in real clients, on every page (the registers, the
# combined notice of two of them, and the index):
#   1. the W3C Nu checker (vnu.jar) finds 0 errors;
#   2. axe-core in headless Chromium finds 0 WCAG 2.1 A/AA violations at 1280 and 390 px, the
#      page does not scroll sideways at 320 px, and its print style is black on white;
#   3. Chromium's print to PDF gives A4 pages (pdfinfo) whose text (pdftotext) holds the title
#      and every `##` section heading of the rendered Markdown and none of the navigation,
#      keeps the paper's margins and ends no page with a heading; every page carries its
#      running header (controller – register) and "Sivu n / N", every page of a draft LUONNOS,
#      and the last page is not near-empty (text.js pdf-pages);
#   4. the Markdown with Hugo front matter builds in Hugo, each page carrying its title and
#      section headings and the section index (_index.md) linking every register, and every
#      in-page link of a Hugo page reaches a heading;
#   5. the plain Markdown is CommonMark: cmark-gfm (GFM tables, no other extension) renders no
#      heading attribute syntax (`{#id}`) as text and no in-page link without its target;
#   6. `seloste serve` in Chromium: an edit reloads the open page, the panel lists the
#      diagnostics (ci/clients/serve.js).
# Also: the body-only fragments (--fragment --id-prefix '{id}-') validate inside a minimal
# page, each alone and all of them in one page, and the --draft rendering of examples/mesq
# (when it exists) passes checks 1 and 2 and the per-page checks of 3 (header, page number,
# LUONNOS, last page) with its draft markers in the printed text.
#
# Needs what .ci/install-clients.sh installs. Builds into a temporary directory, never dist/.
# Environment: CHROMIUM (default /usr/bin/chromium); VERIFY_CLIENTS_OUT=DIR keeps every output
# (pages, PDFs, their text, the Hugo site) in DIR; SELOSTE_DRAFT_EXAMPLES (default
# examples/mesq) lists the projects whose drafts are checked.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
clients=$root/ci/clients
export SELOSTE_TODAY="${SELOSTE_TODAY:-2026-11-23}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
started=$SECONDS
passed=0
skipped=0

die() {
  echo "verify-clients: $*" >&2
  exit 1
}
step() { echo "== $* ($((SECONDS - started)) s)"; }

for tool in java node "$CHROMIUM" pdfinfo pdftotext hugo cmark-gfm; do
  command -v "$tool" >/dev/null || die "$tool is not installed: run .ci/install-clients.sh"
done
[[ -d $clients/node_modules/puppeteer-core && -d $clients/node_modules/axe-core ]] ||
  die "ci/clients/node_modules is missing: run .ci/install-clients.sh"
vnu_jar=$clients/node_modules/vnu-jar/build/dist/vnu.jar
[[ -f $vnu_jar ]] || die "$vnu_jar is missing: run .ci/install-clients.sh"

if [[ -n ${VERIFY_CLIENTS_OUT:-} ]]; then
  out=$VERIFY_CLIENTS_OUT
  rm -rf "$out"
  mkdir -p "$out"
else
  out=$(mktemp -d "${TMPDIR:-/tmp}/seloste-clients.XXXXXX")
  trap 'status=$?; if ((status == 0)); then rm -rf "$out"; else echo "verify-clients: outputs kept in $out" >&2; fi' EXIT
fi

step "building seloste"
cargo build --locked --quiet --bin seloste
seloste=${CARGO_TARGET_DIR:-$root/target}/debug/seloste
[[ -x $seloste ]] || die "no seloste binary at $seloste"

step "rendering the sample project into $out"
"$seloste" build --color never --out "$out/site" --fragment --id-prefix '{id}-' "$root" >"$out/build.log" 2>&1 ||
  { cat "$out/build.log"; die "seloste build failed"; }
"$seloste" build --color never --out "$out/hugo-md" --front-matter hugo "$root" >>"$out/build.log" 2>&1 ||
  { cat "$out/build.log"; die "seloste build --front-matter hugo failed"; }
pages=()
for f in "$out"/site/*.html; do pages+=("$f"); done
((${#pages[@]} >= 2)) || die "expected the index and at least one register page, got: ${pages[*]}"
[[ -f $out/site/index.html ]] || die "the build wrote no index.html"
# The sample's combined notice (several registers on one page, `combined:` in seloste.yaml)
# goes through every check below as the register pages do.
[[ -f $out/site/asiakkaat-ja-potilaat.html && -f $out/hugo-md/asiakkaat-ja-potilaat.md ]] ||
  die "the build wrote no page for the sample's combined notice (asiakkaat-ja-potilaat)"

drafts=()
for ex in ${SELOSTE_DRAFT_EXAMPLES-examples/mesq}; do
  [[ -d $root/$ex ]] || continue
  name=$(basename "$ex")
  # A draft renders despite errors: seloste reports them and exits 0 or 1; only a failure to
  # write the pages counts here.
  "$seloste" build --color never --draft --out "$out/draft-$name" "$root/$ex" >>"$out/build.log" 2>&1 || true
  found=0
  for f in "$out/draft-$name"/*.html; do
    [[ -f $f ]] || continue
    drafts+=("$f")
    found=1
  done
  ((found)) || { cat "$out/build.log"; die "seloste build --draft $ex wrote no pages"; }
done
echo "pages: ${#pages[@]} of the sample, ${#drafts[@]} of drafts"

# Fragments are pasted into someone else's page: wrapped in a minimal one, they must be valid,
# each alone and all together in one page (their ids carry the register's id, so none clash).
mkdir -p "$out/fragment-pages"
fragment_page() {
  local title=$1
  shift
  printf '<!DOCTYPE html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n</head>\n<body>\n<main>\n' "$title"
  for f in "$@"; do printf '<section>\n'; cat "$f"; printf '</section>\n'; done
  printf '</main>\n</body>\n</html>\n'
}
for f in "$out"/site/fragment/*.html; do
  fragment_page "$(basename "$f" .html)" "$f" >"$out/fragment-pages/$(basename "$f")"
done
fragment_page "Kaikki fragmentit" "$out"/site/fragment/*.html >"$out/fragment-pages/all-together.html"

step "W3C Nu checker"
if ! java -jar "$vnu_jar" --format gnu --also-check-css "${pages[@]}" "${drafts[@]}" "$out"/fragment-pages/*.html; then
  die "the Nu checker found errors (above)"
fi
echo "ok   vnu: 0 errors in ${#pages[@]} pages, ${#drafts[@]} draft pages and the fragments (alone and all in one page)"
passed=$((passed + 1))

step "axe-core and print in headless Chromium"
node "$clients/browser-checks.js" pages --pdf-dir "$out/pdf" "${pages[@]}" ||
  die "the browser checks failed (above)"
passed=$((passed + 1))
if ((${#drafts[@]} > 0)); then
  node "$clients/browser-checks.js" pages --pdf-dir "$out/draft-pdf" "${drafts[@]}" || die "the browser checks of the drafts failed (above)"
  passed=$((passed + 1))
else
  echo "skip drafts: none of ${SELOSTE_DRAFT_EXAMPLES-examples/mesq} exists"
  skipped=$((skipped + 1))
fi

step "printed pages: A4, headings, no navigation, margins"
failed=0
for page in "${pages[@]}"; do
  name=$(basename "$page" .html)
  pdf=$out/pdf/$name.pdf
  md=$out/site/$name.md
  [[ -f $pdf ]] || die "no PDF for $page"
  [[ -f $md ]] || die "no Markdown beside $page"
  sizes=$(pdfinfo -f 1 -l 9999 "$pdf" | grep -E '^Page +[0-9]+ size:')
  if [[ -z $sizes ]] || grep -qv '(A4)' <<<"$sizes"; then
    echo "FAIL $name.pdf: not every page is A4:"
    grep -v '(A4)' <<<"$sizes" | head -3 || true
    failed=1
  fi
  pdftotext -enc UTF-8 "$pdf" "$out/pdf/$name.txt"
  node "$clients/text.js" md-headings "$md" | cut -f2 >"$out/pdf/$name.headings"
  [[ -s $out/pdf/$name.headings ]] || die "no headings found in $md"
  if ! node "$clients/text.js" expect "$out/pdf/$name.txt" --present-file "$out/pdf/$name.headings" \
    --absent "Siirry sisältöön" --absent "Sisällys" --absent "Kaikki tietosuojaselosteet" >"$out/pdf/$name.problems"; then
    echo "FAIL $name.pdf (pdftotext):"
    sed 's/^/       /' "$out/pdf/$name.problems"
    failed=1
  fi
  pdftotext -enc UTF-8 -bbox "$pdf" "$out/pdf/$name.bbox.html"
  if ! node "$clients/text.js" pdf-layout "$out/pdf/$name.bbox.html" --margin-mm 12 --running-mm 24 >"$out/pdf/$name.layout"; then
    echo "FAIL $name.pdf (layout):"
    sed 's/^/       /' "$out/pdf/$name.layout"
    failed=1
  fi
  if ! node "$clients/text.js" pdf-pages "$out/pdf/$name.bbox.html" --html "$page" >"$out/pdf/$name.pages"; then
    echo "FAIL $name.pdf (running header, page numbers, last page):"
    sed 's/^/       /' "$out/pdf/$name.pages"
    failed=1
  fi
  ((failed)) || echo "ok   $name.pdf: $(grep -c . <<<"$sizes") A4 page(s), title and $(($(wc -l <"$out/pdf/$name.headings") - 1)) section headings, no navigation, margins kept, no heading left at a page's foot; $(cat "$out/pdf/$name.pages")"
done
# A draft says so on every printed page, and its markers of findings are printed.
for page in "${drafts[@]}"; do
  name=$(basename "$page" .html)
  pdf=$out/draft-pdf/$name.pdf
  [[ -f $pdf ]] || die "no PDF for the draft $page"
  pdftotext -enc UTF-8 -bbox "$pdf" "$out/draft-pdf/$name.bbox.html"
  pdftotext -enc UTF-8 "$pdf" "$out/draft-pdf/$name.txt"
  if ! node "$clients/text.js" pdf-pages "$out/draft-pdf/$name.bbox.html" --html "$page" --draft >"$out/draft-pdf/$name.pages"; then
    echo "FAIL draft $name.pdf (LUONNOS, running header, page numbers, last page):"
    sed 's/^/       /' "$out/draft-pdf/$name.pages"
    failed=1
    continue
  fi
  for marker in KORJATTAVAA TARKISTETTAVAA PUUTTUU; do
    if grep -q "<strong class=\"missing\">$marker" "$page" && ! grep -q "$marker" "$out/draft-pdf/$name.txt"; then
      echo "FAIL draft $name.pdf: the page marks $marker, the printed text does not"
      failed=1
    fi
  done
  ((failed)) || echo "ok   draft $name.pdf: $(cat "$out/draft-pdf/$name.pages"); its markers printed"
done
((failed == 0)) || die "the printed pages are not right (above)"
passed=$((passed + 1))

step "Hugo"
site=$out/hugo-site
mkdir -p "$site/content/tietosuoja" "$site/layouts/_default"
cat >"$site/config.toml" <<'EOF'
baseURL = "https://example.org/"
languageCode = "fi"
defaultContentLanguage = "fi"
title = "Testisivusto"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
EOF
cat >"$site/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body>
</html>
EOF
# The page's own content only: the section index must list the registers by itself.
cat >"$site/layouts/_default/single.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}{{ end }}
EOF
cp "$site/layouts/_default/single.html" "$site/layouts/_default/list.html"
cp "$out"/hugo-md/*.md "$site/content/tietosuoja/"
[[ -f $site/content/tietosuoja/_index.md ]] || die "--front-matter hugo wrote no _index.md"
if ! hugo --source "$site" --destination "$site/public" >"$out/hugo.log" 2>&1; then
  cat "$out/hugo.log"
  die "hugo failed to build the site"
fi
if grep -E 'WARN|ERROR' "$out/hugo.log"; then
  die "hugo warned while building the site (above)"
fi
if grep -rl 'raw HTML omitted' "$site/public" >/dev/null; then
  die "Hugo dropped raw HTML from: $(grep -rl 'raw HTML omitted' "$site/public" | tr '\n' ' ')"
fi
failed=0
hugo_pages=()
for md in "$site"/content/tietosuoja/*.md; do
  name=$(basename "$md" .md)
  if [[ $name == _index ]]; then html=$site/public/tietosuoja/index.html; else html=$site/public/tietosuoja/$name/index.html; fi
  [[ -f $html ]] || { echo "FAIL hugo: no page for $name.md at ${html#"$site"/}"; failed=1; continue; }
  hugo_pages+=("$html")
  node "$clients/text.js" md-headings "$md" >"$out/hugo-$name.expected"
done
((failed == 0)) || die "Hugo did not make every page"
node "$clients/browser-checks.js" headings "${hugo_pages[@]}" >"$out/hugo-headings.tsv"
for md in "$site"/content/tietosuoja/*.md; do
  name=$(basename "$md" .md)
  if [[ $name == _index ]]; then html=$site/public/tietosuoja/index.html; else html=$site/public/tietosuoja/$name/index.html; fi
  got=$(awk -F'\t' -v f="$html" '$1 == f { print $2 "\t" $3 }' "$out/hugo-headings.tsv")
  missing=$(grep -Fxv -f <(printf '%s\n' "$got") "$out/hugo-$name.expected" || true)
  if [[ -n $missing ]]; then
    echo "FAIL hugo: ${html#"$site"/} lacks these headings (level, text) of $name.md:"
    printf '%s\n' "$missing" | sed 's/^/       /'
    failed=1
  fi
done
index=$site/public/tietosuoja/index.html
for md in "$site"/content/tietosuoja/*.md; do
  name=$(basename "$md" .md)
  [[ $name == _index ]] && continue
  if ! grep -q "href=\"$name/\"" "$index" && ! grep -q "href=\"/tietosuoja/$name/\"" "$index"; then
    echo "FAIL hugo: the section index does not link $name"
    failed=1
  fi
done
node "$clients/anchors.js" "${hugo_pages[@]}" || failed=1
((failed == 0)) || die "the Hugo site is not right (above)"
echo "ok   hugo: ${#hugo_pages[@]} pages with their titles and section headings and working in-page links; the index links every register"
passed=$((passed + 1))

step "CommonMark: the plain Markdown in cmark-gfm"
# The plain Markdown promises CommonMark with GFM tables: rendered by the reference
# implementation with only the table extension, no heading may show `{#id}` and no in-page link
# may point nowhere (cmark-gfm gives headings no ids, so there must be no in-page links).
mkdir -p "$out/cmark"
for md in "$out"/site/*.md; do
  cmark-gfm --extension table "$md" >"$out/cmark/$(basename "$md" .md).html" ||
    die "cmark-gfm failed on $md"
done
node "$clients/anchors.js" "$out"/cmark/*.html || die "the plain Markdown is not portable CommonMark (above)"
passed=$((passed + 1))

step "seloste serve in headless Chromium"
# A person previewing while editing: the page reloads by itself after an edit, the panel lists
# a new error with its place, and a seloste.yaml that is not YAML keeps the last pages on show
# (ci/clients/serve.js; a copy of the sample in a temporary directory, about 5 s).
node "$clients/serve.js" "$seloste" "$root" --shots-dir "$out/serve" || die "seloste serve failed in Chromium (above)"
passed=$((passed + 1))

step "done"
echo "All client checks passed in $((SECONDS - started)) s."
echo "clients: $passed passed, 0 failed, $skipped skipped"
