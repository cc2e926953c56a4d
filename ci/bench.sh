#!/usr/bin/env bash
# The README's benchmark command: a short JMH run of every benchmark (a few minutes on 2 cores):
# AMI parsing alone and with the driver's typed translation, with ratios to the framing limit, the previous
# codec, a hand-written client and asterisk-java; simulator → driver latency on loopback, with ratios to a
# Netty loopback limit. Prints the tables and writes the JMH JSON to benchmarks/target/jmh-result.json.
# Options go to io.ucmkit.bench.BenchTable (./ucmkit bench --help).
# For full JMH control run the jar itself: java -jar benchmarks/target/benchmarks.jar -h
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
for arg in "$@"; do
  if [ "$arg" = "-h" ] || [ "$arg" = "--help" ]; then
    # help never builds: the options of the jar there is, or where they come from when there is none yet
    if [ -f "$jar" ]; then
      exec java -cp "$jar" io.ucmkit.bench.BenchTable --help
    fi
    echo "usage: ./ucmkit bench [--warmup N] [--iterations N] [--time S] [--forks N] [--include REGEX] [--json PATH] [--baseline FILE]"
    echo "  (the first run builds $jar; ./ucmkit bench --help then describes each option)"
    exit 0
  fi
done
. ci/jars.sh
# the corpus comes from the ami test-jar (the transcripts), so its test sources count too
if stale "$jar" ami simulator driver benchmarks || [ -n "$(find ami/src/test -newer "$jar" -type f -print -quit)" ]; then
  echo "bench: building $jar (missing, or older than the sources it measures)..." >&2
  mvn -q -pl benchmarks -am package -DskipTests
fi
exec java -cp "$jar" io.ucmkit.bench.BenchTable "$@"
