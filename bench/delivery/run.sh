#!/usr/bin/env bash
# The delivery bench (see docs/benchmarks.md, "Delivery"): real Redis and Kafka (infra's embedded ones), a seeded
# catalogue, delivery-service pinned to core 0, wrk pinned to core 1 (with the stores), 1 and 64 connections.
# Usage: bench/delivery/run.sh [duration, default 20s]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20s}"
REDIS_PORT=16379
KAFKA_PORT=19092
HTTP_PORT=18083
WORK="$(mktemp -d /tmp/marquee-bench-delivery.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v taskset >/dev/null || { echo "taskset is missing (util-linux)" >&2; exit 1; }

mvn -B -q package -pl delivery-service -am -DskipTests
mvn -B -q dependency:build-classpath -pl delivery-service -Dmdep.outputFile="$WORK/delivery.cp" -Dmdep.includeScope=test
CP="$(cat "$WORK/delivery.cp"):contracts/target/classes:infra/target/classes"

taskset -c 1 java -cp "$CP" bench/delivery/Stores.java "$REDIS_PORT" "$KAFKA_PORT" "$WORK/stores" >"$WORK/stores.log" 2>&1 &
PIDS+=($!)
until grep -q "stores ready" "$WORK/stores.log"; do sleep 1; done

java -cp "$CP" bench/delivery/Seed.java "$REDIS_PORT" "127.0.0.1:$KAFKA_PORT"

taskset -c 0 java -Xmx512m -Dquarkus.http.port=$HTTP_PORT -Dkafka.bootstrap.servers=127.0.0.1:$KAFKA_PORT \
  -Dquarkus.redis.hosts=redis://127.0.0.1:$REDIS_PORT -Dquarkus.log.level=WARN \
  -jar delivery-service/target/quarkus-app/quarkus-run.jar >"$WORK/delivery.log" 2>&1 &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null; do sleep 1; done
until curl -sf -H "X-Marquee-App-Id: bench-app" "http://127.0.0.1:$HTTP_PORT/v1/apps/bench-app/users/user-1/explain" \
  | grep -q campaign-49; do sleep 1; done

URL="http://127.0.0.1:$HTTP_PORT"
echo "== warm-up"
taskset -c 1 wrk -t1 -c16 -d10s -s bench/delivery/events.lua "$URL" >/dev/null
taskset -c 1 wrk -t1 -c16 -d10s -s bench/delivery/messages.lua "$URL" >/dev/null
for script in events messages explain; do
  for connections in 1 64; do
    echo "== $script, $connections connection(s), $DURATION"
    taskset -c 1 wrk -t1 -c"$connections" -d"$DURATION" --latency -s "bench/delivery/$script.lua" "$URL"
  done
done
