#!/usr/bin/env bash
# The conformance suite (features/): every Gherkin feature against the in-process simulator, or
# against an external PBX — a separately started ./ucmkit simulator or real UCM6XXX hardware.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'USAGE'
usage: ci/features.sh [ami://USER:PASSWORD@HOST:PORT [--control URL | --phones ACCOUNTS] [--restricted USER:PASSWORD]]
                      [--tags EXPRESSION] [--offline]

Runs the conformance suite (features/) and writes its reports under features/target/:
  cucumber-report.html   the report to read (one page, every scenario and step)
  cucumber.json, cucumber.ndjson, cucumber-junit.xml   for CI tools

Target:
  (none)      an in-process simulator on free ports, the default: every scenario runs.
  ami://USER:PASSWORD@HOST:PORT
              an external PBX: a separately started simulator
                ./ucmkit simulator &
                ci/features.sh ami://amiadmin:amiadmin1@127.0.0.1:7777 --control http://127.0.0.1:8089
              or a real UCM / Asterisk with soft phones registered from this host (docs/hardware.md)
                ci/features.sh ami://ucmkit:secret@192.168.1.10:7777 --phones 1000:pw1000,1001:pw1001,...
              What the target cannot serve is filtered out by tag before the run, and the run lists
              those scenarios once with the reason: @in-process (they start a PBX of their own) on
              every external target; without --control also @ucm-admin (the UCM's web GUI),
              @simulator-only (what only a simulated phone shows); without phones @phones; without
              --restricted @restricted-user, with --no-bridged-dtmf @dtmf-in-bridge, without
              --may-restart @restarts-pbx. The scenarios use the demo PBX's numbering
              (extensions 1000-1009, 1009 never registered, IVR 7000, *48, *54/*55/*56).
              UCMKIT_TARGET may carry the target instead, keeping the password out of the
              process list. Percent-encode '@' and '/' in the password.
Options:
  --control URL       the external simulator's control API, e.g. http://127.0.0.1:8089
                      (also UCMKIT_CONTROL): the suite then acts as its phones' users and
                      resets it before each scenario. Never give it for real hardware.
  --phones ACCOUNTS   soft phones (Debian's baresip, one process per extension) to register on a
                      real PBX: EXT:PASSWORD,EXT:PASSWORD,... or a YAML file (also UCMKIT_PHONES;
                      docs/hardware.md). SIP goes to the target's host, port 5060, unless
                      UCMKIT_SIP=HOST:PORT says otherwise. Passwords are never printed.
  --restricted USER:PASSWORD
                      an AMI user with read and write "call" only (also UCMKIT_RESTRICTED)
  --no-bridged-dtmf   the PBX bridges two phones' RTP natively (a plain Dial, no DTMF features): keys
                      pressed on such a call never reach AMI; leaves out @dtmf-in-bridge
  --may-restart       the suite may restart the PBX (core restart now over AMI) for @restarts-pbx;
                      never for a UCM in service
  --tags EXPRESSION   run only matching scenarios, e.g. --tags '@wire' or --tags 'not @phones'
  --offline           pass -o to Maven (no network)
  -h, --help          this text

Exit status: 0 when every scenario that ran passed, 1 when one failed, 2 on a usage error.
USAGE
}

TARGET="${UCMKIT_TARGET:-}"
CONTROL="${UCMKIT_CONTROL:-}"
PHONES="${UCMKIT_PHONES:-}"
RESTRICTED="${UCMKIT_RESTRICTED:-}"
BRIDGED_DTMF="${UCMKIT_BRIDGED_DTMF:-}"
MAY_RESTART="${UCMKIT_MAY_RESTART:-}"
TAGS=""
MVN=(mvn -B -q)
while [ $# -gt 0 ]; do
  case "$1" in
    ami://*) TARGET="$1" ;;
    --control) [ $# -ge 2 ] || { echo "ci/features.sh: --control needs a URL" >&2; exit 2; }; CONTROL="$2"; shift ;;
    --phones) [ $# -ge 2 ] || { echo "ci/features.sh: --phones needs EXT:PASSWORD,... or a YAML file" >&2; exit 2; }; PHONES="$2"; shift ;;
    --restricted) [ $# -ge 2 ] || { echo "ci/features.sh: --restricted needs USER:PASSWORD" >&2; exit 2; }; RESTRICTED="$2"; shift ;;
    --no-bridged-dtmf) BRIDGED_DTMF=false ;;
    --may-restart) MAY_RESTART=true ;;
    --tags) [ $# -ge 2 ] || { echo "ci/features.sh: --tags needs an expression" >&2; exit 2; }; TAGS="$2"; shift ;;
    --offline) MVN+=(-o) ;;
    -h|--help) usage; exit 0 ;;
    *) echo "ci/features.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# The target is checked here so that a typo fails in a second with a clear message, not after a build.
if [ -n "$TARGET" ]; then
  if [[ ! "$TARGET" =~ ^ami://([^:@/]+):([^@/]+)@([^:/@]+):([0-9]{1,5})$ ]]; then
    echo "ci/features.sh: the target must look like ami://USER:PASSWORD@HOST:PORT, was '${TARGET%%:*}://…'" >&2
    exit 2
  fi
  HOST="${BASH_REMATCH[3]}" PORT="${BASH_REMATCH[4]}" USER_NAME="${BASH_REMATCH[1]}"
  if ! (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
    echo "ci/features.sh: nothing answers on $HOST:$PORT (start it first, e.g. ./ucmkit simulator)" >&2
    exit 1
  fi
  [ -z "$CONTROL" ] || [ -z "$PHONES" ] || { echo "ci/features.sh: --control drives a simulator's phones; --phones is for a real PBX: give one" >&2; exit 2; }
  if [ -n "$PHONES" ] && ! command -v baresip >/dev/null; then
    echo "ci/features.sh: --phones needs baresip (Debian: apt-get install baresip-core)" >&2
    exit 1
  fi
  echo "ci/features.sh: running the features against ami://$USER_NAME:********@$HOST:$PORT${CONTROL:+ (control API $CONTROL)}${PHONES:+ with soft phones}"
  # What the target cannot serve is filtered out here, before the run (the run lists those scenarios and why).
  FILTER="not @in-process"
  [ -z "$CONTROL" ] && [ "$MAY_RESTART" = true ] || FILTER="$FILTER and not @restarts-pbx"
  if [ -z "$CONTROL" ]; then
    FILTER="$FILTER and not @ucm-admin and not @simulator-only"
    [ -n "$PHONES" ] || FILTER="$FILTER and not @phones"
    [ -n "$RESTRICTED" ] || FILTER="$FILTER and not @restricted-user"
    [ "$BRIDGED_DTMF" != false ] || FILTER="$FILTER and not @dtmf-in-bridge"
  fi
  echo "ci/features.sh: filtered by tag before the run: $FILTER"
  TAGS="${TAGS:+($TAGS) and }$FILTER"
else
  [ -z "$CONTROL$PHONES$RESTRICTED" ] || { echo "ci/features.sh: --control, --phones and --restricted need an ami:// target" >&2; exit 2; }
  echo "ci/features.sh: running the features against an in-process simulator"
fi

# Built through the reactor (ami, simulator, driver compiled and packaged as the suite uses them,
# their own tests left out: they are not the suite's business here), never installed into ~/.m2.
ARGS=(-pl features -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
      -Dit.test=RunFeaturesIT -Dfailsafe.failIfNoSpecifiedTests=false)
[ -n "$TAGS" ] && ARGS+=("-Dcucumber.filter.tags=$TAGS")
rm -f features/target/cucumber-report.html
status=0
# The passwords travel in the environment, never on a command line.
UCMKIT_TARGET="$TARGET" UCMKIT_CONTROL="$CONTROL" UCMKIT_PHONES="$PHONES" UCMKIT_RESTRICTED="$RESTRICTED" UCMKIT_BRIDGED_DTMF="$BRIDGED_DTMF" \
  UCMKIT_MAY_RESTART="$MAY_RESTART" \
  "${MVN[@]}" "${ARGS[@]}" || status=$?
if [ -f features/target/cucumber-report.html ]; then
  echo "ci/features.sh: report features/target/cucumber-report.html"
else
  echo "ci/features.sh: no report was written (the build failed before the suite ran; see above)" >&2
fi
[ "$status" -eq 0 ] || exit 1
