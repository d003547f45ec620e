#!/usr/bin/env bash
# Installs everything rewardkit needs on a fresh Debian/Ubuntu machine with Node >= 20, then builds.
#   bubblewrap     the code sandbox (Linux namespaces without a daemon or root at run time)
#   redis-server   the cache and job queue of distributed mode (tests start their own on loopback)
# Usage: bash scripts/setup.sh        (idempotent; apt-get runs only when a package is missing)
set -euo pipefail
cd "$(dirname "$0")/.."

system_packages=(bubblewrap redis-server)
missing=()
for package in "${system_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]} with apt-get"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The distribution starts redis-server as a service on install; rewardkit's tests start their own.

# `npm ci` installs exactly what the committed package-lock.json pins and never rewrites it, so
# the working tree stays clean. (The lock is the one `npm install` writes, with every platform's
# optional binaries of biome and msgpackr listed, which is what `npm ci` needs.)
echo "setup: npm ci (exactly the versions of package-lock.json)"
npm ci --no-audit --no-fund --loglevel=error
echo "setup: build"
npm run build --silent
# Put the `rewardkit` command on PATH (a symlink to this checkout's build).
npm link --no-audit --no-fund --loglevel=error >/dev/null 2>&1 || echo "setup: npm link failed; use 'node dist/cli/main.js' instead of 'rewardkit'"
echo "setup: done ($(command -v rewardkit || echo 'node dist/cli/main.js'))"
