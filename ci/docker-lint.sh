#!/usr/bin/env bash
# Lints the two Dockerfiles with dockerfilelint (an npm package; no image registry is needed).
# The images themselves cannot be built here: no registry serves the eclipse-temurin base image.
set -euo pipefail
cd "$(dirname "$0")/.."
npx -y dockerfilelint@1.8.0 simulator/Dockerfile driver-service/Dockerfile
