#!/usr/bin/env bash
# What OCR costs on this machine: a 50-page scanned PDF against the same 50 pages as a text PDF, through the
# application's parse worker (tesseract per page) and its whole pipeline; prints OCR pages per second and the ratio.
# Usage: bench/ocr.sh [runs, default 3] [pages, default 50]
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q compile
exec java -cp "groundwork-side/target/classes:$(cat groundwork-side/target/runtime.classpath)" \
    dev.groundwork.bench.OcrBench "$@"
