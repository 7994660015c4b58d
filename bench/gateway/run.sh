#!/usr/bin/env bash
# The gateway's added latency (p50/p99) on the SDK path, against calling delivery-service directly.
# Usage: bench/gateway/run.sh [requests per path, default 5000] — builds the bench module, delivery-service and gateway first
# unless SKIP_BUILD=1. Needs nothing but a JDK 17+ and Maven: Redis and Kafka run embedded, on free ports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
requests="${1:-5000}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -B -q package -DskipTests -pl bench,delivery-service,gateway -am)
fi
exec java -cp "$root/bench/target/classes:$(cat "$root/bench/target/bench.classpath")" \
  dev.marquee.bench.gateway.GatewayBench "$root" "$requests"
