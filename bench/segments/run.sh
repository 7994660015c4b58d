#!/usr/bin/env bash
# Segment membership latency: bench/segments/run.sh [events-per-second] [seconds]   (defaults: 5000 60)
# WARMUP=seconds (default 20) of unmeasured load at the same rate first; PARTITIONS (default 1) of user.events.v1 and
# CONSUMERS (default 1) copies of the service's consumer and MAX_POLL (default 1000) records per poll, for the
# experiments in docs/benchmarks.md.
# Static upload: bench/segments/run.sh upload [ids]   (default 1000000): one streamed CSV request, timed.
# Builds infra + segment-service (tests skipped), then runs SegmentBench.java against real stores.
set -euo pipefail
cd "$(dirname "$0")/../.."
# the classpath in the same reactor build: sibling modules resolve to their jars (nothing needs `mvn install`)
mvn -B -q package -pl infra,segment-service -am -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
cp_file=infra/target/bench.classpath
java -Dwarmup="${WARMUP:-20}" -Dpartitions="${PARTITIONS:-1}" -Dconsumers="${CONSUMERS:-1}" -DmaxPoll="${MAX_POLL:-1000}" -cp "infra/target/classes:$(cat "$cp_file")" bench/segments/SegmentBench.java \
    $(if [ "${1:-}" = upload ]; then echo upload "${2:-1000000}" 0; else echo "${1:-5000}" "${2:-60}"; fi) \
    segment-service/target/quarkus-app/quarkus-run.jar
