#!/usr/bin/env bash
# The conformance suite (features/): every Gherkin feature against the in-process simulator, or
# against an external PBX — a separately started ./ucmkit simulator or real UCM6XXX hardware.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'USAGE'
usage: ci/features.sh [ami://USER:PASSWORD@HOST:PORT [--control URL]] [--tags EXPRESSION] [--offline] [--no-build]

Runs the conformance suite (features/) and writes its reports under features/target/:
  cucumber-report.html   the report to read (one page, every scenario and step)
  cucumber.json, cucumber.ndjson, cucumber-junit.xml   for CI tools

Target:
  (none)      an in-process simulator on free ports, the default: every scenario runs.
  ami://USER:PASSWORD@HOST:PORT
              an external PBX: a separately started simulator
                ./ucmkit simulator &
                ci/features.sh ami://amiadmin:amiadmin1@127.0.0.1:7777 --control http://127.0.0.1:8089
              or a UCM (AMI enabled, the AMI user permitted from this host and holding every
              privilege; port 7777 on a UCM). Skipped there, with the reason printed:
              @simulator-only scenarios (they act as a phone's user or the UCM administrator)
              unless --control is given, and @in-process ones (they start a PBX of their own).
              Against hardware no phone rings: every scenario that would ring one is
              @simulator-only. The scenarios use the demo PBX's numbering (extensions
              1000-1009, IVR 7000); a UCM without those extensions fails the ones that use them.
              UCMKIT_TARGET may carry the target instead, keeping the password out of the
              process list. Percent-encode '@' and '/' in the password.
Options:
  --control URL       the external simulator's control API, e.g. http://127.0.0.1:8089
                      (also UCMKIT_CONTROL): the suite then acts as its phones' users and
                      resets it before each scenario. Never give it for real hardware.
  --tags EXPRESSION   run only matching scenarios, e.g. --tags '@wire' or --tags 'not @simulator-only'
  --offline           pass -o to Maven (no network)
  --no-build          do not rebuild ami, simulator and driver first
  -h, --help          this text

Exit status: 0 when every scenario that ran passed, 1 when one failed, 2 on a usage error.
USAGE
}

TARGET="${UCMKIT_TARGET:-}"
CONTROL="${UCMKIT_CONTROL:-}"
TAGS=""
MVN=(mvn -B -q)
BUILD=true
while [ $# -gt 0 ]; do
  case "$1" in
    ami://*) TARGET="$1" ;;
    --control) [ $# -ge 2 ] || { echo "ci/features.sh: --control needs a URL" >&2; exit 2; }; CONTROL="$2"; shift ;;
    --tags) [ $# -ge 2 ] || { echo "ci/features.sh: --tags needs an expression" >&2; exit 2; }; TAGS="$2"; shift ;;
    --offline) MVN+=(-o) ;;
    --no-build) BUILD=false ;;
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
  echo "ci/features.sh: running the features against ami://$USER_NAME:********@$HOST:$PORT${CONTROL:+ (control API $CONTROL)}"
else
  [ -z "$CONTROL" ] || { echo "ci/features.sh: --control needs an ami:// target (the simulator it controls)" >&2; exit 2; }
  echo "ci/features.sh: running the features against an in-process simulator"
fi

if $BUILD; then
  # The suite uses the simulator and the driver as libraries; their tests are not its business here.
  "${MVN[@]}" -pl ami,simulator,driver -am install -DskipTests
fi

ARGS=(verify -f features/pom.xml)
[ -n "$TAGS" ] && ARGS+=("-Dcucumber.filter.tags=$TAGS")
rm -f features/target/cucumber-report.html
status=0
# The password travels in the environment (UCMKIT_TARGET), never on a command line.
UCMKIT_TARGET="$TARGET" UCMKIT_CONTROL="$CONTROL" "${MVN[@]}" "${ARGS[@]}" || status=$?
if [ -f features/target/cucumber-report.html ]; then
  echo "ci/features.sh: report features/target/cucumber-report.html"
else
  echo "ci/features.sh: no report was written (the build failed before the suite ran; see above)" >&2
fi
[ "$status" -eq 0 ] || exit 1
