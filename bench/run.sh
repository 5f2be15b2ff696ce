#!/usr/bin/env bash
# The speed benchmark: builds the application's classes and both sides of the bench, then runs every contender in
# a JVM of its own on the newest JDK >= 21 installed (as ../run.sh does), and prints a Markdown report (also kept in
# bench/target/bench-report.md). Options (see bench/README.md): --quick, --runs=N, --sizes=10000,100000,1000000,
# --no-ingest, --no-query, --no-steps, --rebuild, --vector-format=float|int7, --hnsw-m=N, --hnsw-beam-width=N,
# --hard-sizes=..., --quiet-load=X, --max-wait-min=N, --corpus=DIR, --squad=FILE, --squad-questions=FILE, --java=PATH.
set -euo pipefail
cd "$(dirname "$0")"

# The reactor takes the application (..) up to `compile` only: never the repackaged jar, never its tests.
mvn -B -q compile

java_bin=java
best=0
for home in /usr/lib/jvm/*; do
  release="$home/release"
  [[ -x $home/bin/java && -f $release ]] || continue
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  if [[ -n $version && $version -ge 21 && $version -ge $best ]]; then
    best=$version
    java_bin=$home/bin/java
  fi
done
if [[ $java_bin == java ]]; then
  java_bin=$(readlink -f "$(command -v java)")
fi

exec "$java_bin" -cp groundwork-side/target/classes dev.groundwork.bench.BenchDriver "--java=$java_bin" "$@"
