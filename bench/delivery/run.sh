#!/usr/bin/env bash
# The delivery bench (see docs/benchmarks.md, "Delivery"): real Redis and Kafka (infra's embedded ones), a seeded
# catalogue, delivery-service pinned to core 0, wrk pinned to core 1 (with the stores), 1 and 64 connections, directly
# and through the gateway (also pinned to core 0: delivery and gateway share the one core).
# Usage: bench/delivery/run.sh [duration, default 20s]
#   SKIP_BUILD=1      reuse the packaged jars
#   JFR=<file.jfr>    record delivery-service with Java Flight Recorder during the whole run
#   JFR_SETTINGS=<jfc> its settings, default "profile" (a copy with a 1 ms sampling period sees far more)
#   ONLY=<scripts>    the wrk scripts to run, default "events messages explain"
#   GATEWAY=0         skip the runs through the gateway
#   THREADS=1         also print which of delivery-service's threads used the CPU during each run
#   DELIVERY_OPTS="-D…" extra JVM options for delivery-service (e.g. a Kafka producer setting to compare)
#   DELIVERY_APP=<dir> another packaged delivery-service (a quarkus-app directory) to compare against
# Ports 3xxxx, away from the local suite's (16379/19092/808x).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20s}"
ONLY="${ONLY:-events messages explain}"
REDIS_PORT=36379
KAFKA_PORT=39092
HTTP_PORT=38083
GATEWAY_PORT=38080
SDK_KEY=mq_pk_bench-delivery
WORK="$(mktemp -d /tmp/marquee-bench-delivery.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v taskset >/dev/null || { echo "taskset is missing (util-linux)" >&2; exit 1; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # the classpath in the same reactor build: sibling modules resolve to their jars (nothing needs `mvn install`)
  # the bench module writes its class path (bench/target/bench.classpath); nothing needs `mvn install`
  mvn -B -q package -pl bench,delivery-service,gateway -am -DskipTests
fi
CP="bench/target/classes:$(cat bench/target/bench.classpath)"

taskset -c 1 java -cp "$CP" dev.marquee.bench.delivery.Stores "$REDIS_PORT" "$KAFKA_PORT" "$WORK/stores" >"$WORK/stores.log" 2>&1 &
PIDS+=($!)
until grep -q "stores ready" "$WORK/stores.log"; do sleep 1; done

java -cp "$CP" dev.marquee.bench.delivery.Seed "$REDIS_PORT" "127.0.0.1:$KAFKA_PORT" "$SDK_KEY"

JFR_OPTS=()
if [ -n "${JFR:-}" ]; then
  JFR_OPTS=("-XX:StartFlightRecording=filename=$JFR,settings=${JFR_SETTINGS:-profile},dumponexit=true")
fi
# One event loop: the process has one core (the JVM sees 1 CPU under taskset, Quarkus would still start 2 loops).
taskset -c 0 java -Xmx512m "${JFR_OPTS[@]}" -Dquarkus.http.port=$HTTP_PORT \
  -Dkafka.bootstrap.servers=127.0.0.1:$KAFKA_PORT -Dquarkus.redis.hosts=redis://127.0.0.1:$REDIS_PORT \
  -Dquarkus.vertx.event-loops-pool-size=1 -Dquarkus.log.level=WARN ${DELIVERY_OPTS:-} \
  -jar "${DELIVERY_APP:-delivery-service/target/quarkus-app}/quarkus-run.jar" >"$WORK/delivery.log" 2>&1 &
PIDS+=($!)
if [ "${GATEWAY:-1}" != 0 ]; then
  # The bench's one key would otherwise be rate-limited (1,000/s per key by default); the limit is still checked (one
  # Redis script per request), only its size is raised. The access log off: it would measure the console.
  taskset -c 0 java -Xmx384m -Dquarkus.http.port=$GATEWAY_PORT -Dkafka.bootstrap.servers=127.0.0.1:$KAFKA_PORT \
    -Dquarkus.redis.hosts=redis://127.0.0.1:$REDIS_PORT -Dmarquee.gateway.delivery-url=http://127.0.0.1:$HTTP_PORT \
    -Dmarquee.gateway.rate-limits.sdk-capacity=100000000 -Dmarquee.gateway.rate-limits.sdk-refill-per-second=100000000 \
    -Dmarquee.gateway.rate-limits.sdk-user-capacity=100000000 -Dmarquee.gateway.rate-limits.sdk-user-refill-per-second=100000000 \
    -Dquarkus.vertx.event-loops-pool-size=1 -Dquarkus.log.level=WARN -Dquarkus.log.category.\"marquee.access\".level=WARN \
    -jar gateway/target/quarkus-app/quarkus-run.jar >"$WORK/gateway.log" 2>&1 &
  PIDS+=($!)
fi
until curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null; do sleep 1; done
until curl -sf -H "X-Marquee-App-Id: bench-app" "http://127.0.0.1:$HTTP_PORT/v1/apps/bench-app/users/user-1/explain" \
  | grep -q campaign-49; do sleep 1; done

STORES_PID="${PIDS[0]}"
DELIVERY_PID="${PIDS[1]}"
GATEWAY_PID="${PIDS[2]:-}"
TICKS="$(getconf CLK_TCK)"
cpu_ticks() { # <pid>: user + system CPU time of the process so far, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}
# The machine is shared: req/s and latency move with other processes on core 0, the CPU time a request costs the
# service much less. Printed per run: delivery's (and the gateway's) CPU per request and what that makes on one whole
# core (1 s / CPU per request).
core_busy() { # "<busy> <total>" ticks of core $1 so far, from /proc/stat
  awk -v c="cpu$1" '$1 == c {print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat
}
thread_ticks() { # <pid>: "<thread name> <ticks>" per thread (names with spaces joined by _)
  for task in /proc/"$1"/task/*; do
    echo "$(tr ' ' _ <"$task/comm") $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)"
  done
}
jit_ticks() { # CPU used so far by the JIT compiler threads of delivery-service (and the gateway when it runs)
  local pid total=0
  for pid in "$DELIVERY_PID" $GATEWAY_PID; do
    for task in /proc/"$pid"/task/*; do
      case "$(cat "$task/comm")" in "C1 Compiler"* | "C2 Compiler"*) total=$(( total + $(awk '{print $14 + $15}' "$task/stat") )) ;; esac
    done
  done
  echo "$total"
}
# Work a run leaves behind (the conversion consumer reading back its events) must not be billed to the next run.
quiet() { # waits until delivery-service uses less than 5 % of a core over a second (at most 30 s)
  local before
  for _ in $(seq 30); do
    before="$(cpu_ticks "$DELIVERY_PID")"
    sleep 1
    [ $(( $(cpu_ticks "$DELIVERY_PID") - before )) -le $(( TICKS / 20 )) ] && return
  done
  echo "  (delivery-service still busy after 30 s)"
}
measure() { # <label> <connections> <script> <url>
  local d0 g0=0 out requests
  quiet
  d0="$(cpu_ticks "$DELIVERY_PID")"
  [ -n "$GATEWAY_PID" ] && g0="$(cpu_ticks "$GATEWAY_PID")"
  [ "${THREADS:-0}" = 1 ] && thread_ticks "$DELIVERY_PID" >"$WORK/threads.before"
  local c0 c1 s0 r0
  c0="$(core_busy 0)"; c1="$(core_busy 1)"
  if [ "${THREADS:-0}" = 1 ]; then
    s0="$(cpu_ticks "$STORES_PID")"; r0="$(cpu_ticks "$(pgrep -P "$STORES_PID" redis-server | head -1)")"
  fi
  # wrk's own CPU (user and system seconds, from bash's time) is part of what core 1 spends on a request
  { TIMEFORMAT='%U %S'; time taskset -c 1 wrk -t1 -c"$2" -d"$DURATION" --latency -s "bench/delivery/$3.lua" "$4" \
    >"$WORK/wrk.out"; } 2>"$WORK/wrk.time"
  out="$(cat "$WORK/wrk.out")"
  echo "$out"
  # is a core the limit? core 0: the service(s); core 1: wrk, Redis and Kafka
  if [ "${THREADS:-0}" = 1 ]; then
    local redis_pid
    redis_pid="$(pgrep -P "$STORES_PID" redis-server | head -1)"
    awk -v t="$(( $(cpu_ticks "$STORES_PID") - s0 ))" -v r="$(( $(cpu_ticks "$redis_pid") - r0 ))" -v hz="$TICKS" \
      -v w="$(tail -1 "$WORK/wrk.time" | awk '{print $1 + $2}')" -v n="$(echo "$out" | awk '/requests in/ {print $1}')" \
      'BEGIN {k = t / hz * 1e6 / n; r = r / hz * 1e6 / n; w = w * 1e6 / n
        printf "  core 1: Kafka (JVM) %.0f µs/request, Redis %.0f µs/request, wrk %.0f µs/request: %.0f µs, at most %.0f req/s\n",
          k, r, w, k + r + w, 1e6 / (k + r + w)}'
  fi
  echo "$c0 $(core_busy 0) $c1 $(core_busy 1)" | awk '{printf "  busy: core 0 %.0f %%, core 1 %.0f %%\n",
    100 * ($3 - $1) / ($4 - $2), 100 * ($7 - $5) / ($8 - $6)}' 
  if [ "${THREADS:-0}" = 1 ]; then
    thread_ticks "$DELIVERY_PID" | awk -v hz="$TICKS" 'NR == FNR {before[$1] += $2; next} {after[$1] += $2}
      END {for (t in after) if (after[t] - before[t] > 0) printf "  thread %-45s %6.2f s CPU\n", t, (after[t] - before[t]) / hz}' \
      "$WORK/threads.before" - | sort -k3 -rn | head -12
  fi
  requests="$(echo "$out" | awk '/requests in/ {print $1}')"
  awk -v t="$(( $(cpu_ticks "$DELIVERY_PID") - d0 ))" -v hz="$TICKS" -v n="$requests" \
    'BEGIN {us = t / hz * 1e6 / n; printf "  delivery CPU: %.0f µs/request (%.0f req/s per core)\n", us, 1e6 / us}'
  if [ "$1" = gateway ]; then
    awk -v t="$(( $(cpu_ticks "$GATEWAY_PID") - g0 ))" -v hz="$TICKS" -v n="$requests" \
      'BEGIN {us = t / hz * 1e6 / n; printf "  gateway CPU: %.0f µs/request (%.0f req/s per core)\n", us, 1e6 / us}'
  fi
}

# wrk drops its connections with requests in flight when a run ends; the gateway counts those as failures of
# delivery-service and opens its circuit breaker (5 in a row → 503 for 5 s, see docs/benchmarks.md). Before each run
# through the gateway, wait until the breaker let a trial call through again.
settle() { # <label>
  if [ "$1" = gateway ]; then sleep 7; fi
}

run() { # <url> <label>
  local url="$1" label="$2"
  echo "== warm-up ($label)"
  for script in $ONLY; do
    [ "$script" = explain ] && [ "$label" = gateway ] && continue
    # until the JIT is done: C2 still compiling takes up to half the core, which is start-up, not steady state
    for round in $(seq 12); do
      local jit0
      jit0="$(jit_ticks)"
      taskset -c 1 wrk -t1 -c16 -d10s -s "bench/delivery/$script.lua" "$url" >/dev/null
      settle "$label"
      [ $(( $(jit_ticks) - jit0 )) -le "$TICKS" ] && break
    done
    echo "   $script: $round round(s) of 10 s"
  done
  for script in $ONLY; do
    # explain is a management-API diagnostic of the decision alone: direct only
    [ "$script" = explain ] && [ "$label" = gateway ] && continue
    for connections in 1 64; do
      echo "== $label: $script, $connections connection(s), $DURATION, load: $(cut -d' ' -f1-3 /proc/loadavg)"
      measure "$label" "$connections" "$script" "$url"
      settle "$label"
    done
  done
}
run "http://127.0.0.1:$HTTP_PORT" direct
if [ "${GATEWAY:-1}" != 0 ]; then
  until curl -sf -H "X-Marquee-Key: $SDK_KEY" "http://127.0.0.1:$GATEWAY_PORT/v1/sdk/messages?userId=user-1" >/dev/null; do
    sleep 1
  done
  # one tracked event through the gateway, shown in full: a failing bench should say why
  curl -s -i -H "X-Marquee-Key: $SDK_KEY" -H "Content-Type: application/json" "http://127.0.0.1:$GATEWAY_PORT/v1/sdk/events" \
    -d '{"userId":"user-1","sessionId":"s-1","events":[{"eventId":"check-1","type":"app_open"}]}' | head -c 600
  echo
  export MQ_KEY="$SDK_KEY"
  run "http://127.0.0.1:$GATEWAY_PORT" gateway
fi
if [ -n "${JFR:-}" ]; then
  kill "${PIDS[1]}"; wait "${PIDS[1]}" 2>/dev/null || true
  echo "JFR recording: $JFR"
fi
