#!/usr/bin/env bash
# The README's benchmark command: a short JMH run of the parse benchmarks (a few minutes on
# 2 cores) that prints a table with ratios to the framing limit and to asterisk-java, and writes
# the JMH JSON to benchmarks/target/jmh-result.json. Options go to io.ucmkit.bench.BenchTable
# (--warmup N --iterations N --time S --forks N --include REGEX --json PATH).
# For full JMH control run the jar itself: java -jar benchmarks/target/benchmarks.jar -h
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  echo "bench: building $jar (once)..." >&2
  mvn -q -pl ami,benchmarks -am package -DskipTests
fi
exec java -cp "$jar" io.ucmkit.bench.BenchTable "$@"
