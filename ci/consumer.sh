#!/usr/bin/env bash
# Builds ci/consumer — a project outside the tree that depends on the installed ucmkit artifacts
# through ucmkit-bom — and checks what a consumer gets: its tests pass, one Netty version, no
# logging backend from ucmkit (SLF4J finds only the consumer's Log4j 2), -sources/-javadoc jars.
# usage: ci/consumer.sh [--no-install]   (--no-install: the artifacts are already installed)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-install" ]; then
  mvn -B -q install -DskipTests
fi
cd ci/consumer
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
mvn -B verify >"$out" 2>&1 || { cat "$out"; echo "ci/consumer.sh: the consumer project failed" >&2; exit 1; }
grep -E "Tests run: [0-9]+, Failures: 0, Errors: 0" "$out" | tail -1
if grep -q "multiple SLF4J providers\|Class path contains multiple SLF4J" "$out"; then
  grep "SLF4J" "$out"; echo "ci/consumer.sh: ucmkit brought a second SLF4J provider" >&2; exit 1
fi
netty="$(mvn -B -q dependency:list -DincludeGroupIds=io.netty -DoutputFile=/dev/stdout 2>/dev/null \
  | grep -o 'io\.netty:[^:]*:jar:[^:]*' | awk -F: '{print $4}' | sort -u)"
echo "Netty versions on the consumer's class path: $(echo "$netty" | tr '\n' ' ')"
[ "$(echo "$netty" | wc -l)" -eq 1 ] || { echo "ci/consumer.sh: more than one Netty version" >&2; exit 1; }
if mvn -B -q dependency:list -DincludeScope=runtime -DoutputFile=/dev/stdout 2>/dev/null | grep -q "logback\|picocli"; then
  echo "ci/consumer.sh: the driver library brought a logging backend or a CLI" >&2; exit 1
fi
for a in ami simulator driver; do
  for c in sources javadoc; do
    ls ~/.m2/repository/io/ucmkit/ucmkit-$a/0.1.0-SNAPSHOT/ucmkit-$a-0.1.0-SNAPSHOT-$c.jar >/dev/null
  done
done
echo "ci/consumer.sh: the consumer project passes with one Netty, its own logging, and sources/javadoc jars installed"
