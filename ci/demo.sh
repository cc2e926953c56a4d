#!/usr/bin/env bash
# The demo: the simulator (embedded demo PBX + dashboard) and the driver service connected to it.
# Run as ci/demo.sh it is headless: a scripted tour (call, decline, IVR digit, barge, presence
# change) that checks each step in the driver's events and the simulator's state and exits 0 when
# every step was observed (CI and people without a browser use this). ./ucmkit demo runs it with
# --interactive: both keep running, for a browser, until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

AMI_PORT=7777 WEB_PORT=8089 DATA_PORT=9689 DEBUG_PORT=9690
TOUR=true
usage() {
  cat <<'USAGE'
usage: ./ucmkit demo [--tour] [--ami-port N] [--web-port N] [--dataserver-port N] [--debug-port N]
       ci/demo.sh [--interactive] [the same options]

Starts the simulated UCM (embedded demo PBX, dashboard) and the driver service connected to it,
and prints the URLs and the AMI credentials. A port of 0 means any free port (the URLs then show
the ports really used). Each run keeps its logs in target/demo/run-*/ (target/demo/latest).
  ./ucmkit demo         keeps both running until Ctrl-C (ci/demo.sh --interactive)
  --tour, ci/demo.sh    runs the scripted tour headless and exits: 0 when every step was
                        observed, 1 otherwise
USAGE
}
port_option() {
  [[ "${2:-}" =~ ^[0-9]{1,5}$ ]] || { echo "ucmkit demo: $1 needs a port number" >&2; usage >&2; exit 2; }
}
while [ $# -gt 0 ]; do
  case "$1" in
    --tour) TOUR=true ;;
    --interactive) TOUR=false ;;
    --ami-port) port_option "$@"; AMI_PORT="$2"; shift ;;
    --web-port) port_option "$@"; WEB_PORT="$2"; shift ;;
    --dataserver-port) port_option "$@"; DATA_PORT="$2"; shift ;;
    --debug-port) port_option "$@"; DEBUG_PORT="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "ucmkit demo: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# Each run keeps its own logs (target/demo/latest points at the newest), so a second demo never
# overwrites a running one's.
RUN_DIR="target/demo/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$RUN_DIR"
ln -sfn "$(basename "$RUN_DIR")" target/demo/latest
step() { echo "ucmkit demo: $*"; }

# 1. Build what is missing, once (a second run starts in seconds).
# Rebuilt when missing or older than a main source or pom (after a pull), else reused.
. ci/jars.sh
if stale simulator/target/ucmkit-simulator.jar ami simulator || stale driver-service/target/ucmkit-driver.jar ami driver driver-service; then
  step "building the simulator and driver jars (first run takes a minute or two)..."
  if ! mvn -q -pl simulator,driver-service -am package -DskipTests -Dgit.commit="$GIT_COMMIT" >"$RUN_DIR/build.log" 2>&1; then
    tail -40 "$RUN_DIR/build.log" >&2
    echo "ucmkit demo: the build failed (log above, full log in $RUN_DIR/build.log)" >&2
    exit 1
  fi
fi

PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap 'stop_all' EXIT
trap 'echo; step "stopping"; exit 0' INT TERM

# Waits up to 30 s for the process we started to print its start-up line (a pattern with one
# group per port, in order) and sets PORTS to the ports it really bound. The URLs used afterwards
# are those ports: the demo never talks to a process it did not start, even when asked for port 0
# or when another instance holds the default ports (then ours exits 2 with one line, shown here).
PORTS=()
wait_started() {
  local pid="$1" log="$2" pattern="$3" line
  for _ in $(seq 1 300); do
    line="$(grep -Em1 "$pattern" "$log" || true)"
    if [ -n "$line" ]; then
      read -r -a PORTS <<<"$(sed -E "s|.*$pattern.*|\\1 \\2|" <<<"$line")"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null && rc=0 || rc=$?
      grep -E '^ucmkit (simulator|driver): ' "$log" >&2 || tail -20 "$log" >&2
      echo "ucmkit demo: it exited (status $rc) before it was ready (log: $log)" >&2
      exit 2
    fi
    sleep 0.1
  done
  echo "ucmkit demo: not ready within 30 s (log: $log)" >&2
  exit 1
}

# 2. The simulator, then the driver logged in to it.
step "starting the simulator (AMI port $AMI_PORT, web port $WEB_PORT; 0 = any free port)..."
java -jar simulator/target/ucmkit-simulator.jar --ami-port "$AMI_PORT" --web-port "$WEB_PORT" \
  >"$RUN_DIR/simulator.log" 2>&1 &
PIDS+=($!)
wait_started "${PIDS[0]}" "$RUN_DIR/simulator.log" 'AMI on [0-9.]+:([0-9]+), dashboard http://[0-9.]+:([0-9]+)/'
AMI_PORT="${PORTS[0]}" WEB_PORT="${PORTS[1]}"

step "starting the driver (dataserver port $DATA_PORT, debug port $DEBUG_PORT)..."
UCMKIT_PASSWORD=amiadmin1 java -jar driver-service/target/ucmkit-driver.jar --address 127.0.0.1 --port "$AMI_PORT" \
  --username amiadmin --dataserver-port "$DATA_PORT" --debug-port "$DEBUG_PORT" --data-dir "$RUN_DIR/data" \
  >"$RUN_DIR/driver.log" 2>&1 &
PIDS+=($!)
wait_started "${PIDS[1]}" "$RUN_DIR/driver.log" 'dataserver http://[0-9.]+:([0-9]+)/api/v1/asset , debug log http://[0-9.]+:([0-9]+)/'
DATA_PORT="${PORTS[0]}" DEBUG_PORT="${PORTS[1]}"

cat <<EOF

  Dashboard        http://127.0.0.1:$WEB_PORT/
  Control API      http://127.0.0.1:$WEB_PORT/api/v1/extensions   (docs/control-api.md)
  AMI              127.0.0.1:$AMI_PORT   users amiadmin / amiadmin1 (all), amireader / amireader1 (call)
  Dataserver       http://127.0.0.1:$DATA_PORT/api/v1/asset   (docs/driver.md)
  Driver events    curl -sN http://127.0.0.1:$DATA_PORT/api/v1/events
  Debug log        http://127.0.0.1:$DEBUG_PORT/
  Logs             $RUN_DIR/simulator.log, $RUN_DIR/driver.log

EOF

if [ "$TOUR" = false ]; then
  step "running; Ctrl-C stops both"
  wait -n "${PIDS[@]}" || true
  echo "ucmkit demo: a process exited (see $RUN_DIR/*.log)" >&2
  exit 1
fi

# 3. The tour: every step acts through the public APIs and waits for its observable effect.
API="http://127.0.0.1:$WEB_PORT/api/v1"
DATA="http://127.0.0.1:$DATA_PORT/api/v1"
EVENTS="$RUN_DIR/events.jsonl"
curl -sN "$DATA/events" >"$EVENTS" 2>/dev/null &
PIDS+=($!)

post() { curl -fsS -X POST -H 'Content-Type: application/json' "$1" ${2:+-d "$2"} >/dev/null; }
put() { curl -fsS -X PUT -H 'Content-Type: application/json' "$1" -d "$2" >/dev/null; }

# Waits up to 15 s until a command's output matches a pattern (grep -E).
expect() {
  local what="$1" pattern="$2"; shift 2
  for _ in $(seq 1 75); do
    if "$@" 2>/dev/null | grep -Eq "$pattern"; then
      step "  ok: $what"
      return 0
    fi
    sleep 0.2
  done
  echo "ucmkit demo: tour step failed: $what (no match for /$pattern/)" >&2
  exit 1
}
events() { cat "$EVENTS"; }
calls() { curl -fs "$API/calls"; }

step "tour: the System Asset is Normal"
expect "asset Normal" '"state":"Normal"' curl -fs "$DATA/asset"

step "tour: Call Phone 1000 -> 1002, both answer"
post "$DATA/commands/call-phone" '{"sourceExtension":"1000","destinationExtension":"1002","line1Text":"Door 3","line2Text":"Alarm"}'
expect "1000 rings showing the caller ID Door 3 / Alarm" '"extension":"1000"[^}]*"state":"Ringing","callerIdNum":"Alarm","callerIdName":"Door 3"' calls
post "$API/extensions/1000/answer"
expect "1002 rings" '"extension":"1002"[^}]*"state":"Ringing"' calls
post "$API/extensions/1002/answer"
expect "Call Status Accepted for 1002" '"type":"CallStatus".*"extension":"1002".*"Accepted"' events
post "$API/extensions/1002/hangup"

step "tour: Call Phone 1000 -> 1005, which declines"
post "$DATA/commands/call-phone" '{"sourceExtension":"1000","destinationExtension":"1005","line1Text":"Door 4","line2Text":"Tamper"}'
expect "1000 rings" '"extension":"1000"[^}]*"state":"Ringing"' calls
post "$API/extensions/1000/answer"
expect "Call Status Declined for 1005" '"type":"CallStatus".*"extension":"1005".*"Declined"' events
expect "the call ended" '^\[\]$' calls

step "tour: 1004 calls IVR 7000 and presses 1"
post "$API/extensions/1004/dial" '{"number":"7000"}'
expect "IVR answered" '"extension":"1004"[^}]*"state":"Up"' calls
post "$API/extensions/1004/dtmf" '{"digits":"1"}'
expect "IVR Response 1004 digit 1" '"type":"IvrResponse".*"extension":"1004".*"digit":"1"' events
post "$API/extensions/1004/hangup"

step "tour: 1000 calls 1001 (auto answer), 1002 barges in"
post "$API/extensions/1000/dial" '{"number":"1001"}'
expect "1000 and 1001 bridged" '"bridgedWith":"PJSIP/1000-' calls
post "$DATA/commands/barge" '{"sourceExtension":"1002","destinationExtension":"1000"}'
expect "1002 rings for the barge" '"extension":"1002"[^}]*"state":"Ringing"' calls
post "$API/extensions/1002/answer"
expect "1002 barges into 1000's call" '"spyMode":"barge","spying":"PJSIP/1000-' calls
post "$API/extensions/1000/hangup"
expect "every call ended" '^\[\]$' calls

step "tour: 1001 sets Do Not Disturb"
put "$API/extensions/1001/presence" '{"status":"dnd"}'
expect "Presence event 1001 dnd" '"type":"Presence".*"extension":"1001".*"dnd"' events

step "tour: both services' Prometheus metrics counted the tour"
expect "the driver's /metrics counts its Originates" \
  'ucmkit_driver_ami_actions_seconds_count\{action="Originate",outcome="success"\} [1-9]' curl -fs "http://127.0.0.1:$DATA_PORT/metrics"
expect "the simulator's /metrics counts the Originates it answered" \
  'ucmkit_simulator_ami_actions_seconds_count\{action="Originate",outcome="success"\} [1-9]' curl -fs "http://127.0.0.1:$WEB_PORT/metrics"

step "tour: every step observed"
