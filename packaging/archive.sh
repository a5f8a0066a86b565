#!/usr/bin/env bash
# Packs one target's binary the way the release workflow publishes it, and the way
# `cargo binstall` (Cargo.toml's [package.metadata.binstall]) and action.yml look for it:
#
#   OUT/seloste-TARGET.tar.gz         seloste and README.md at the root of the archive
#   OUT/seloste-TARGET.zip            the same with seloste.exe, for a Windows target
#   OUT/<archive>.sha256              "HEX  <archive>", as `sha256sum -c` reads it
#
#   packaging/archive.sh TARGET BINARY OUT
#
# CI (ci/package.sh) packs the host's release binary with it and runs what it unpacks.
set -euo pipefail
target=$1 binary=$2 out=$3
root=$(cd "$(dirname "$0")/.." && pwd)

mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

case $target in
  *-windows-*) exe=seloste.exe archive=seloste-$target.zip ;;
  *) exe=seloste archive=seloste-$target.tar.gz ;;
esac
cp "$binary" "$stage/$exe"
cp "$root/README.md" "$stage/README.md"
rm -f "$out/$archive" "$out/$archive.sha256"
(
  cd "$stage"
  if [[ $archive == *.zip ]]; then
    # Git Bash on the Windows runners has no zip; 7-Zip is on their image.
    if command -v 7z >/dev/null; then 7z a -tzip -bd "$out/$archive" "$exe" README.md >/dev/null
    else zip -q "$out/$archive" "$exe" README.md; fi
  else
    tar -czf "$out/$archive" "$exe" README.md
  fi
)
(
  cd "$out"
  if command -v sha256sum >/dev/null; then sha256sum "$archive"; else shasum -a 256 "$archive"; fi > "$archive.sha256"
)
echo "$out/$archive"
