#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need beyond Java and Maven:
# Debian's Chromium and ChromeDriver for the browser test of the web page.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
fi

mvn -B verify "$@"
