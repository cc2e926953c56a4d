#!/usr/bin/env bash
# A soak: the driver service against the simulator for a while (default 30 minutes), with Call
# Phone commands (answered and declined), presence changes and IVR digits in a loop, and a PBX
# restart (the simulator process stopped and started again on the same ports, mid-call) every
# 5 minutes. Not part of mvn verify. At the end it prints what it did and what arrived:
#   calls placed, Call Status received, presence / IVR events expected and received, events lost
#   (expected but not seen within 10 s), events the driver dropped (its asset's count),
#   reconnects (the asset back to Normal after a restart), the driver's heap after a full GC at
#   every restart and at the end, and its RSS. Exit 0 when nothing was lost and nothing dropped.
#
#   ci/soak.sh [--minutes N] [--restart-every SECONDS] [--pause SECONDS]
# --pause is the rest between rounds (default 1 s; 0 = as fast as the loop goes).
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=30 RESTART_EVERY=300 PAUSE=1
usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "soak: --minutes needs a whole number" >&2; usage >&2; exit 2; }; MINUTES="$2"; shift ;;
    --restart-every) [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "soak: --restart-every needs seconds" >&2; usage >&2; exit 2; }; RESTART_EVERY="$2"; shift ;;
    --pause) [[ "${2:-}" =~ ^[0-9.]+$ ]] || { echo "soak: --pause needs seconds" >&2; usage >&2; exit 2; }; PAUSE="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "soak: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

RUN="target/soak/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$RUN"
say() { echo "soak $(date +%H:%M:%S): $*"; }

. ci/jars.sh
if stale simulator/target/ucmkit-simulator.jar ami simulator || stale driver-service/target/ucmkit-driver.jar ami driver driver-service; then
  say "building the simulator and driver jars..."
  mvn -q -pl simulator,driver-service -am package -DskipTests -Dgit.commit="$GIT_COMMIT" >"$RUN/build.log" 2>&1 \
    || { tail -40 "$RUN/build.log" >&2; exit 1; }
fi

# Copies, so a build during the soak (which rewrites target/) cannot change the jars under it.
cp simulator/target/ucmkit-simulator.jar driver-service/target/ucmkit-driver.jar "$RUN/"
SIM_JAR="$RUN/ucmkit-simulator.jar" DRIVER_JAR="$RUN/ucmkit-driver.jar"

PIDS=()
SIM_PID=""
cleanup() {
  [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# Waits for a start-up line (pattern with two port groups) in a log of a process we started.
started_ports() { # pid log pattern
  for _ in $(seq 1 300); do
    line="$(grep -Em1 "$3" "$2" || true)"
    if [ -n "$line" ]; then sed -E "s|.*$3.*|\\1 \\2|" <<<"$line"; return 0; fi
    kill -0 "$1" 2>/dev/null || { cat "$2" >&2; echo "soak: it exited before it was ready ($2)" >&2; exit 1; }
    sleep 0.1
  done
  echo "soak: not ready within 30 s ($2)" >&2; exit 1
}

RESTARTS=0
start_simulator() { # ami-port web-port
  java -Xmx256m -jar "$SIM_JAR" --ami-port "$1" --web-port "$2" \
    >"$RUN/simulator-$RESTARTS.log" 2>&1 &
  SIM_PID=$!
  read -r AMI_PORT WEB_PORT < <(started_ports "$SIM_PID" "$RUN/simulator-$RESTARTS.log" \
    'AMI on [0-9.]+:([0-9]+), dashboard http://[0-9.]+:([0-9]+)/')
  API="http://127.0.0.1:$WEB_PORT/api/v1"
  put "$API/extensions/1000/answer-mode" '{"mode":"auto"}'
  put "$API/extensions/1002/answer-mode" '{"mode":"auto"}'
}
post() { curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "$1" ${2:+-d "$2"}; }
put() { curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/json' "$1" -d "$2"; }

start_simulator 0 0
say "simulator: AMI $AMI_PORT, web $WEB_PORT (logs in $RUN)"

# the password travels in the environment, never on a command line
UCMKIT_PASSWORD=amiadmin1 java -Xmx256m -Xlog:gc:file="$RUN/driver-gc.log" -jar "$DRIVER_JAR" \
  --address 127.0.0.1 --port "$AMI_PORT" --username amiadmin --dataserver-port 0 --debug-port 0 \
  --data-dir "$RUN/data" >"$RUN/driver.log" 2>&1 &
DRIVER_PID=$!
PIDS+=("$DRIVER_PID")
read -r DATA_PORT _ < <(started_ports "$DRIVER_PID" "$RUN/driver.log" \
  'dataserver http://[0-9.]+:([0-9]+)/api/v1/asset , debug log http://[0-9.]+:([0-9]+)/')
DATA="http://127.0.0.1:$DATA_PORT/api/v1"
EVENTS="$RUN/events.txt"
curl -sN "$DATA/events" >"$EVENTS" 2>/dev/null &
PIDS+=($!)
say "driver: dataserver $DATA_PORT (pid $DRIVER_PID)"

count() { grep -c "$1" "$EVENTS" || true; }
# Waits up to 10 s until the events matching a pattern reach a number; 1 if they do not.
await_count() { # pattern n
  for _ in $(seq 1 100); do
    [ "$(count "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  return 1
}
NORMAL_PATTERN='^data: {"type":"AssetState".*"newState":"Normal"'
for _ in $(seq 1 300); do curl -fs "$DATA/asset" | grep -q '"state":"Normal"' && break; sleep 0.1; done
curl -fs "$DATA/asset" | grep -q '"state":"Normal"' || { echo "soak: the driver never reached Normal" >&2; exit 1; }

HEAP=()
heap_after_full_gc() {
  jcmd "$DRIVER_PID" GC.run >/dev/null
  HEAP+=("$(jcmd "$DRIVER_PID" GC.heap_info | sed -nE 's/.*garbage-first heap +total [0-9]+K, used ([0-9]+)K.*/\1/p' | head -n 1)K")
}
heap_after_full_gc

CALLS=0 ACCEPTED_EXPECTED=0 DECLINED_EXPECTED=0 PRESENCE_EXPECTED=0 IVR_EXPECTED=0 LOST=0
PRESENCES=(dnd away available)
lose() { LOST=$((LOST + 1)); say "LOST: $*"; }

ACCEPTED='^data: {"type":"CallStatus","extension":"1002","status":"Accepted"'
DECLINED='^data: {"type":"CallStatus","extension":"1005","status":"Declined"'
PRESENCE='^data: {"type":"Presence","extension":"1001"'
IVR='^data: {"type":"IvrResponse","extension":"1004"'

END=$((SECONDS + MINUTES * 60))
NEXT_RESTART=$((SECONDS + RESTART_EVERY))
i=0
while [ "$SECONDS" -lt "$END" ]; do
  i=$((i + 1))
  if [ "$SECONDS" -ge "$NEXT_RESTART" ]; then
    # mid-call: 1000 and 1002 are talking when the PBX goes away
    post "$DATA/commands/call-phone" '{"sourceExtension":"1000","destinationExtension":"1002","line1Text":"Soak","line2Text":"restart"}'
    CALLS=$((CALLS + 1)); ACCEPTED_EXPECTED=$((ACCEPTED_EXPECTED + 1))
    await_count "$ACCEPTED" "$ACCEPTED_EXPECTED" || lose "Call Status Accepted before restart $((RESTARTS + 1))"
    normals="$(count "$NORMAL_PATTERN")"
    kill "$SIM_PID"; wait "$SIM_PID" 2>/dev/null || true
    RESTARTS=$((RESTARTS + 1))
    start_simulator "$AMI_PORT" "$WEB_PORT"
    for _ in $(seq 1 60); do await_count "$NORMAL_PATTERN" $((normals + 1)) && break; done
    [ "$(count "$NORMAL_PATTERN")" -gt "$normals" ] || { echo "soak: the driver did not reconnect within 10 min" >&2; exit 1; }
    heap_after_full_gc
    say "PBX restart $RESTARTS: the driver is Normal again; heap after full GC ${HEAP[-1]}"
    NEXT_RESTART=$((SECONDS + RESTART_EVERY))
  fi
  post "$DATA/commands/call-phone" '{"sourceExtension":"1000","destinationExtension":"1002","line1Text":"Soak","line2Text":"answered"}'
  CALLS=$((CALLS + 1)); ACCEPTED_EXPECTED=$((ACCEPTED_EXPECTED + 1))
  await_count "$ACCEPTED" "$ACCEPTED_EXPECTED" || lose "Call Status Accepted, call $CALLS"
  post "$API/extensions/1002/hangup" || true
  post "$DATA/commands/call-phone" '{"sourceExtension":"1000","destinationExtension":"1005","line1Text":"Soak","line2Text":"declined"}'
  CALLS=$((CALLS + 1)); DECLINED_EXPECTED=$((DECLINED_EXPECTED + 1))
  await_count "$DECLINED" "$DECLINED_EXPECTED" || lose "Call Status Declined, call $CALLS"
  put "$API/extensions/1001/presence" "{\"status\":\"${PRESENCES[$((i % 3))]}\"}"
  PRESENCE_EXPECTED=$((PRESENCE_EXPECTED + 1))
  await_count "$PRESENCE" "$PRESENCE_EXPECTED" || lose "Presence 1001 ${PRESENCES[$((i % 3))]}"
  post "$API/extensions/1004/dial" '{"number":"7000"}'
  for _ in $(seq 1 100); do curl -fs "$API/calls" | grep -q '"extension":"1004"[^}]*"state":"Up"' && break; sleep 0.1; done
  post "$API/extensions/1004/dtmf" "{\"digits\":\"$((i % 10))\"}"
  IVR_EXPECTED=$((IVR_EXPECTED + 1))
  await_count "$IVR" "$IVR_EXPECTED" || lose "IVR Response 1004 digit $((i % 10))"
  post "$API/extensions/1004/hangup" || true
  [ $((i % 100)) -eq 0 ] && say "$i rounds, $CALLS calls placed, $LOST lost"
  sleep "$PAUSE"
done
heap_after_full_gc

DROPPED="$(curl -fs "$DATA/asset" | sed -nE 's/.*"droppedEvents":([0-9]+).*/\1/p')"
RSS_KB="$(ps -o rss= -p "$DRIVER_PID" | tr -d ' ')"
GCS="$(grep -c 'Pause' "$RUN/driver-gc.log" || true)"
cat <<EOF

soak: $MINUTES min, a PBX restart every $RESTART_EVERY s (logs in $RUN)
  calls placed             $CALLS
  Call Status received     $(( $(count "$ACCEPTED") + $(count "$DECLINED") )) (Accepted $(count "$ACCEPTED") of $ACCEPTED_EXPECTED, Declined $(count "$DECLINED") of $DECLINED_EXPECTED)
  Presence received        $(count "$PRESENCE") of $PRESENCE_EXPECTED (more when a restart's resync reports a presence the new PBX has reset)
  IVR Response received    $(count "$IVR") of $IVR_EXPECTED
  events lost              $LOST
  events dropped (driver)  ${DROPPED:-?}
  PBX restarts             $RESTARTS
  reconnects               $(count "$NORMAL_PATTERN")
  driver heap after full GC, at start / each restart / end:
                           ${HEAP[*]}
  driver GC pauses         $GCS
  driver RSS at end        $((RSS_KB / 1024)) MiB
EOF
[ "$LOST" -eq 0 ] && [ "${DROPPED:-1}" -eq 0 ]
