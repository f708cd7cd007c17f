#!/usr/bin/env bash
# Starts the whole platform on this machine: a real Kafka broker (KRaft), the MongoDB wire-protocol server keeping
# its data on disk, and every service as its own process. Builds what is missing first. Ctrl-C stops everything;
# data stays in $OSSERVATORIO_HOME (default .osservatorio/) for the next start.
set -euo pipefail
cd "$(dirname "$0")"
source bin/java-env.sh

needs_build() {
  local jar
  for jar in registry-service/target/registry-service.jar projects-service/target/projects-service.jar \
             indicators-service/target/indicators-service.jar notifications-service/target/notifications-service.jar \
             gateway/target/gateway.jar; do
    [ -f "$jar" ] || return 0
    # a source or pom newer than the jar means the jar is stale
    if [ -n "$(find "$(dirname "$(dirname "$jar")")/src" contracts/src platform/src pom.xml -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  [ -d deploy/target/lib ] && [ -d deploy/target/classes ] || return 0
  [ -z "$(find deploy/src deploy/pom.xml -newer deploy/target/classes -type f -print -quit)" ] || return 0
  return 1
}

if needs_build; then
  echo "[osservatorio] building (mvn package, tests skipped; ./test.sh runs them)..."
  mvn -B -q -ntp package -DskipTests -Dspotless.check.skip=true
fi

export OSSERVATORIO_HOME="${OSSERVATORIO_HOME:-$PWD/.osservatorio}"
exec java -cp "deploy/target/classes:deploy/target/lib/*" -Dosservatorio.repository="$PWD" \
  it.osservatorio.deploy.LocalPlatform
