#!/usr/bin/env bash
# The conformance suite (features/): every Gherkin feature against the in-process simulator, or
# against an external PBX — a separately started ./ucmkit simulator or real UCM6XXX hardware.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'USAGE'
usage: ci/features.sh [ami://USER:PASSWORD@HOST:PORT] [--tags EXPRESSION] [--offline] [--no-build]

Runs the conformance suite (features/) and writes its reports under features/target/:
  cucumber-report.html   the report to read (one page, every scenario and step)
  cucumber.json, cucumber.ndjson, cucumber-junit.xml   for CI tools

Target:
  (none)                             an in-process simulator on free ports (the default; every
                                     scenario runs)
  ami://USER:PASSWORD@HOST:PORT      an external PBX, e.g. a separately started simulator:
                                       ./ucmkit simulator &
                                       ci/features.sh ami://amiadmin:amiadmin1@127.0.0.1:7777
                                     or a UCM (AMI enabled, the AMI user permitted from this
                                     host, port 7777 on a UCM). Scenarios tagged @simulator-only
                                     (they act as a phone's user or the UCM administrator) are
                                     skipped with their reason printed. The scenarios use the
                                     demo PBX's numbering (extensions 1000-1009, IVR 7000): give
                                     the UCM the same extensions or expect those to fail.
                                     The target may also come from the UCMKIT_TARGET variable,
                                     which keeps the password out of the process list.
                                     Percent-encode '@', ':' or '/' in the password.
Options:
  --tags EXPRESSION   run only matching scenarios, e.g. --tags '@wire' or --tags 'not @simulator-only'
  --offline           pass -o to Maven (no network)
  --no-build          do not rebuild ami, simulator and driver first
  -h, --help          this text

Exit status: 0 when every scenario that ran passed, 1 when one failed, 2 on a usage error.
USAGE
}

TARGET="${UCMKIT_TARGET:-}"
TAGS=""
MVN=(mvn -B -q)
BUILD=true
while [ $# -gt 0 ]; do
  case "$1" in
    ami://*) TARGET="$1" ;;
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
  echo "ci/features.sh: running the features against ami://$USER_NAME:********@$HOST:$PORT"
else
  echo "ci/features.sh: running the features against an in-process simulator"
fi

if $BUILD; then
  # The suite uses the simulator and the driver as libraries; their tests are not its business here.
  "${MVN[@]}" -pl ami,simulator,driver install -DskipTests
fi

ARGS=(verify -f features/pom.xml)
[ -n "$TAGS" ] && ARGS+=("-Dcucumber.filter.tags=$TAGS")
status=0
# The password travels in the environment (UCMKIT_TARGET), never on a command line.
UCMKIT_TARGET="$TARGET" "${MVN[@]}" "${ARGS[@]}" || status=$?
echo "ci/features.sh: report features/target/cucumber-report.html"
[ "$status" -eq 0 ] || exit 1
