#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need beyond Java and Maven:
# Debian's Chromium and ChromeDriver for the browser test of the web page, and bubblewrap, which the parse workers'
# sandbox tests run in (without it, or where it cannot make namespaces, those tests are skipped and say why), and
# Tesseract with its English data, which reads scans (the OCR tests are skipped, saying why, where it is missing),
# and Node.js with npm, which run the official openai and MCP clients from npm against the service.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
[[ -n $(find /usr/share/tesseract-ocr -name eng.traineddata 2>/dev/null) ]] || missing+=(tesseract-ocr-eng)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if (( ${#missing[@]} > 0 )); then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mvn -B verify "$@"
