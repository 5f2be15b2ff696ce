#!/usr/bin/env bash
# Runs Groundwork on http://localhost:8080 with its embedded defaults (Lucene index in index/, the bundled
# ONNX encoder, extractive answers), building it first when the sources are newer than the jar.
# Arguments are passed to the application, e.g. ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"

jar=target/groundwork.jar
if [[ ! -f $jar || -n "$(find pom.xml src -newer "$jar" -print -quit)" ]]; then
  mvn -B -q -DskipTests package
fi

# Lucene's SIMD vector search needs JDK 21 or newer: use the newest such JDK installed, else the default java.
java_bin=java
jvm_flags=()
for home in /usr/lib/jvm/*; do
  release="$home/release"
  [[ -x $home/bin/java && -f $release ]] || continue
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  if [[ -n $version && $version -ge 21 && $version -ge ${best:-0} ]]; then
    best=$version
    java_bin=$home/bin/java
  fi
done
if [[ -n ${best:-} ]]; then
  jvm_flags+=(--add-modules jdk.incubator.vector "-Dorg.apache.lucene.vectorization.upperJavaFeatureVersion=$best"
    --enable-native-access=ALL-UNNAMED)
fi

exec "$java_bin" "${jvm_flags[@]}" -XX:+UseG1GC -jar "$jar" "$@"
