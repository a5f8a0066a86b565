#!/usr/bin/env bash
# Installs what ci/verify-clients.sh needs, skipping whatever is already there:
#   Debian: chromium, hugo, poppler-utils (pdfinfo, pdftotext, pdftoppm), default-jre-headless
#           (for the Nu checker), fonts-dejavu-core (the pages' type on this machine) and
#           cmark-gfm (the strict CommonMark check of the Markdown), zsh and fish (the shell
#           completions run in them by tests/shell.rs: about 15 MB, a few seconds);
#   npm:    ci/clients (vnu-jar, axe-core, puppeteer-core) from its package-lock.json.
# No browser or Java runtime is downloaded: puppeteer-core drives Debian's chromium, and npm
# runs no install scripts (vnu-jar's would fetch a Java runtime from outside the registry).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium hugo poppler-utils default-jre-headless fonts-dejavu-core cmark-gfm zsh fish)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} > 0)); then
  sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "install-clients: need root (or sudo) to install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "install-clients: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-clients: Debian packages present (${packages[*]})"
fi

command -v node >/dev/null && command -v npm >/dev/null ||
  { echo "install-clients: node and npm are needed (Node 18 or newer)" >&2; exit 1; }
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
  { echo "install-clients: Node $(node --version) is too old: 18 or newer is needed" >&2; exit 1; }

# npm ci again only when the lock file changed since the last install.
stamp=ci/clients/node_modules/.seloste-installed-lock
if [[ -f $stamp ]] && cmp -s "$stamp" ci/clients/package-lock.json; then
  echo "install-clients: ci/clients/node_modules up to date"
else
  echo "install-clients: npm ci in ci/clients"
  (cd ci/clients && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp ci/clients/package-lock.json "$stamp"
fi
