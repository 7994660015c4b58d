#!/usr/bin/env bash
# Segment membership latency: bench/segments/run.sh [events-per-second] [seconds]   (defaults: 5000 60)
# WARMUP=seconds (default 20) of unmeasured load at the same rate first; PARTITIONS (default 1) of user.events.v1 and
# CONSUMERS (default 1) copies of the service's consumer and MAX_POLL (default 1000) records per poll, for the
# experiments in docs/benchmarks.md.
# Static upload: bench/segments/run.sh upload [ids]   (default 1000000): one streamed CSV request, timed.
# Builds the bench module and segment-service (tests skipped), then runs SegmentBench against real stores.
set -euo pipefail
cd "$(dirname "$0")/../.."
# the bench module writes its class path (bench/target/bench.classpath); nothing needs `mvn install`
mvn -B -q package -pl bench,segment-service -am -DskipTests
java -Dwarmup="${WARMUP:-20}" -Dpartitions="${PARTITIONS:-1}" -Dconsumers="${CONSUMERS:-1}" -DmaxPoll="${MAX_POLL:-1000}" \
    -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dev.marquee.bench.segments.SegmentBench \
    $(if [ "${1:-}" = upload ]; then echo upload "${2:-1000000}" 0; else echo "${1:-5000}" "${2:-60}"; fi) \
    segment-service/target/quarkus-app/quarkus-run.jar
