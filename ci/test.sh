#!/usr/bin/env bash
# The README's test command: every unit test, integration test and feature.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B verify "$@"
