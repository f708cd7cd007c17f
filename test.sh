#!/usr/bin/env bash
# Runs every test: unit tests (Surefire), integration tests against a real in-process KRaft broker and the
# embedded MongoDB server (Failsafe, *IT), end-to-end tests of the platform's processes, and the format check.
set -euo pipefail
cd "$(dirname "$0")"
source bin/java-env.sh
exec mvn -B -ntp verify "$@"
