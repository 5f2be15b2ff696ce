#!/usr/bin/env bash
# What text built to be expensive costs the service, step by step (parse in the service, split, embed), as a Markdown
# table. Options: --no-embed (leave out the embedding, which is proportional to the tokens and takes minutes).
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q compile
exec java -cp "groundwork-side/target/classes:$(cat groundwork-side/target/runtime.classpath)" \
    dev.groundwork.ingest.HostileTextCost "$@"
