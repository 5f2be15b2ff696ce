#!/usr/bin/env bash
# The share of the readable files of a mixed corpus that Groundwork indexes, archives counted as readable: one folder
# sync over the corpus (read in place, never copied), each file's outcome, and every refused file with its code.
# Usage: bench/formats.sh [corpus folder, default ../shared/corpus]
set -euo pipefail
cd "$(dirname "$0")"
corpus=${1:-../../shared/corpus}
mvn -B -q compile
exec java -cp "groundwork-side/target/classes:$(cat groundwork-side/target/runtime.classpath)" \
    dev.groundwork.bench.FormatCoverage "$corpus" target/formats
