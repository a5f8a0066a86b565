#!/usr/bin/env bash
# Packaging checks, run by .ci/run after the release build (which they reuse):
#
#   1. the release workflow and action.yml against GitHub's schemas (check-jsonschema, whose
#      schemas are vendored: offline) and zizmor's audits (--offline);
#   2. a release archive of this machine's binary, made by packaging/archive.sh as the release
#      workflow makes them, checked against its .sha256 and run from where it unpacks;
#   3. the Python wheel (pyproject.toml, maturin, the release profile and the same target
#      directory), installed into a fresh venv and run from there: `seloste --version`, and
#      `seloste check` of the sample project;
#   4. pre-commit end to end: a git repository with the project in tietosuoja/, the hook of
#      docs/ci.md (`repo: local`, `language: python`, seloste from the wheel of step 3 as
#      its additional dependency), and the hook of the mirror repository
#      (packaging/pre-commit/): both pass on the clean project, fail on a seeded error, pass
#      once it is fixed.
#
# The tools (pinned below) go into a venv under ~/.cache/seloste-ci, made once and again only
# when the pins change. Everything else goes into a temporary directory, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
# The cargo profile the archive and the wheel are made from: release, which .ci/run has built.
profile=${PACKAGE_PROFILE:-release}
profile_dir=$profile
[[ $profile == dev ]] && profile_dir=debug

tools_pins=(maturin==1.16.0 check-jsonschema==0.39.0 zizmor==1.32.0 pre-commit==4.7.0)
tools=${SELOSTE_CI_TOOLS:-$HOME/.cache/seloste-ci/tools}
if [[ ! -x $tools/bin/python || "$(cat "$tools/.pins" 2>/dev/null)" != "${tools_pins[*]}" ]]; then
  echo "package: installing ${tools_pins[*]} into $tools"
  rm -rf "$tools"
  python3 -m venv "$tools"
  "$tools/bin/pip" install --quiet --disable-pip-version-check "${tools_pins[@]}"
  echo "${tools_pins[*]}" > "$tools/.pins"
fi
# setuptools, as a wheel for pre-commit's offline installs below (a `repo: local` python hook
# pip-installs a placeholder package, and the mirror hook its pyproject.toml).
wheelhouse=${SELOSTE_CI_WHEELHOUSE:-$HOME/.cache/seloste-ci/wheelhouse}
if ! compgen -G "$wheelhouse/setuptools-*.whl" >/dev/null; then
  "$tools/bin/pip" download --quiet --disable-pip-version-check --only-binary=:all: \
    --dest "$wheelhouse" setuptools
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)

# The seconds each step took, for the log.
t=0
took() { echo "package: $1 ($((SECONDS - t)) s)"; t=$SECONDS; }
took "tools ready"

# 1. The workflow and the action.
"$tools/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml
"$tools/bin/check-jsonschema" --builtin-schema vendor.github-actions action.yml
"$tools/bin/zizmor" --offline --quiet .github/workflows/*.yml action.yml
took "workflow and action linted"

# 2. A release archive, as the release workflow packs one.
host=$(rustc -vV | sed -n 's/^host: //p')
archive=$(bash packaging/archive.sh "$host" "$target_dir/$profile_dir/seloste" "$work/assets")
(cd "$work/assets" && sha256sum --check --strict --quiet "$(basename "$archive").sha256")
mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
"$work/unpacked/seloste" --version
took "release archive packed, checked and run"

# 3. The wheel, into a fresh venv, and run from there.
CARGO_TARGET_DIR=$target_dir "$tools/bin/maturin" build --quiet --locked --profile "$profile" \
  --out "$work/wheels"
took "wheel built"
wheel=$(ls "$work"/wheels/seloste-"$version"-*.whl)
# A venv without pip of its own (ensurepip alone takes seconds); the tools' pip installs into it.
python3 -m venv --without-pip "$work/venv"
"$tools/bin/pip" --python "$work/venv/bin/python" install --quiet --disable-pip-version-check \
  --no-index "$wheel"
test -x "$work/venv/bin/seloste"
"$work/venv/bin/seloste" --version | grep -q "^seloste $version"
(cd "$root" && "$work/venv/bin/seloste" check)
took "wheel installed into a fresh venv and run"

# 4. pre-commit, from a repository whose project is in tietosuoja/.
repo=$work/repo
mkdir -p "$repo/tietosuoja" "$repo/site/templates" "$repo/.github/workflows"
cp -R seloste.yaml notices "$repo/tietosuoja/"
# Files the hook's pattern passes but seloste must leave alone: not a seloste project's.
printf 'name: CI\non: push\njobs: {}\n' > "$repo/.github/workflows/ci.yml"
printf '<html>{{ page.content }}</html>\n' > "$repo/site/templates/index.html"
pattern=$(sed -n "s/^  files: '\(.*\)'$/\1/p" .pre-commit-hooks.yaml | head -n1)
cat > "$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: local
    hooks:
      - id: seloste
        name: seloste check
        entry: seloste check
        language: python
        additional_dependencies: ["seloste==$version"]
        files: '$pattern'
EOF
# The mirror repository as the release workflow pushes it, tagged.
mirror=$work/mirror
cp -R packaging/pre-commit "$mirror"
git -C "$mirror" init --quiet
git -C "$mirror" add -A
git -C "$mirror" -c user.name=ci -c user.email=ci@localhost commit --quiet -m mirror
git -C "$mirror" tag "v$version"
cat > "$repo/mirror-config.yaml" <<EOF
repos:
  - repo: $mirror
    rev: v$version
    hooks:
      - id: seloste
EOF
git -C "$repo" init --quiet
git -C "$repo" add -A
hooks() {
  local config expect=$1 out status
  for config in .pre-commit-config.yaml mirror-config.yaml; do
    status=0
    out=$(cd "$repo" && SELOSTE_TODAY=2026-11-23 PRE_COMMIT_HOME="$work/pre-commit-home" \
      PIP_NO_INDEX=1 PIP_FIND_LINKS="$work/wheels $wheelhouse" \
      "$tools/bin/pre-commit" run --config "$config" --all-files 2>&1) || status=$?
    if [[ $status != "$expect" ]]; then
      echo "package: pre-commit ($config) exited $status, expected $expect:" >&2
      echo "$out" >&2
      exit 1
    fi
    if [[ $expect == 1 ]] && ! grep -q "notices/uusi.yaml" <<<"$out"; then
      echo "package: pre-commit ($config) did not name the seeded error:" >&2
      echo "$out" >&2
      exit 1
    fi
  done
}
hooks 0
took "pre-commit hooks installed, and pass on the project"
printf 'title: Uusi rekisteri\ncollection: data_subject\n' > "$repo/tietosuoja/notices/uusi.yaml"
git -C "$repo" add -A
hooks 1
git -C "$repo" rm --quiet -f tietosuoja/notices/uusi.yaml
hooks 0
took "pre-commit hooks fail on a seeded error and pass once it is fixed"
echo "package: workflow and action lint, release archive, wheel and pre-commit hooks: ok"
