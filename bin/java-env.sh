#!/usr/bin/env bash
# Sourced by the start and test commands: selects a JDK >= 21 (the machine's default java may be older).
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if ! OSSERVATORIO_JDK="$(pick_jdk)"; then
  echo "Osservatorio needs a JDK 21 or newer; set JAVA_HOME to one." >&2
  exit 1
fi
export JAVA_HOME="$OSSERVATORIO_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "Osservatorio builds with Apache Maven 3.8.7 or newer; install it (e.g. apt-get install -y maven)." >&2
  exit 1
fi
