#!/usr/bin/env bash
# Embedded Lucene next to SolrCloud on this machine: the same 100k chunks ingested and queried through both, with
# p50/p99 and the overhead ratio (see docs/scale.md). Runs SolrIndexBench (src/tools) in a JVM of the newest JDK >= 21
# installed, with Lucene's vector flags, as ../run.sh runs the service. Arguments are passed to Maven, e.g.
#   bench/solr.sh -Dbench.chunks=20000 -Dbench.replicas=2
set -euo pipefail
cd "$(dirname "$0")/.."

java_bin=$(readlink -f "$(command -v java)")
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
flags="-Xmx6g -XX:+UseG1GC"
if (( best >= 21 )); then
  flags="$flags --add-modules jdk.incubator.vector -Dorg.apache.lucene.vectorization.upperJavaFeatureVersion=$best --enable-native-access=ALL-UNNAMED"
fi

mvn -B -q test -Dtest=SolrIndexBench -Dsurefire.failIfNoSpecifiedTests=false -Djvm="$java_bin" \
  -DargLine="$flags" -Dsurefire.printSummary=false "$@" | grep --line-buffered -v '^\s*$' | grep --line-buffered -vE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' || true
