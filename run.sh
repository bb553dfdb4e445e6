#!/usr/bin/env bash
# Footnote's quick start: from a fresh clone to a running service on http://localhost:8080.
#
#   ./run.sh                       build (without tests) when the sources changed, then start the service
#   QUARKUS_HTTP_PORT=9090 ./run.sh   any setting from .env.example works the same way
#
# It finds a JDK 21 or newer (JAVA_HOME, the java on PATH, then the usual install folders), packages the
# application with the Maven wrapper and starts the packaged jar. No dev mode, so nothing beyond what the
# normal build needs is downloaded. Extra arguments are passed to the application.
set -euo pipefail
cd "$(dirname "$0")"

MIN_JAVA=21
JAR=target/quarkus-app/quarkus-run.jar

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | sed 's/^1\.//'
}

# Prints the home of the newest JDK >= MIN_JAVA found, or nothing.
find_jdk() {
  local candidates=() best="" best_major=0 home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/*/ /usr/java/*/ /opt/java/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ \
              "$HOME"/.sdkman/candidates/java/*/ "$HOME"/.jdks/*/; do
    [ -d "$home" ] && candidates+=("${home%/}")
  done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home/bin/java")
    [ -n "$major" ] || continue
    # The user's own JAVA_HOME wins when it is new enough; otherwise the newest JDK found.
    if [ "$home" = "${JAVA_HOME:-}" ] && [ "$major" -ge "$MIN_JAVA" ]; then best=$home; break; fi
    if [ "$major" -gt "$best_major" ]; then best=$home; best_major=$major; fi
  done
  if [ -n "$best" ] && [ "$(java_major "$best/bin/java")" -ge "$MIN_JAVA" ]; then echo "$best"; fi
}

JDK=$(find_jdk)
if [ -z "$JDK" ]; then
  {
    echo "Footnote needs a JDK $MIN_JAVA or newer, and none was found."
    if command -v java >/dev/null 2>&1; then
      echo "The java on your PATH is version $(java_major "$(command -v java)")."
    fi
    echo "Install one (e.g. 'apt-get install openjdk-21-jdk', 'brew install openjdk@21', or https://adoptium.net)"
    echo "and point JAVA_HOME at it, then run ./run.sh again."
  } >&2
  exit 1
fi
export JAVA_HOME=$JDK PATH="$JDK/bin:$PATH"
echo "Using the JDK at $JAVA_HOME (Java $(java_major "$JAVA_HOME/bin/java"))"

# Package when there is no jar yet or anything it is built from changed since.
AOT=target/footnote.aot
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml src/main -newer "$JAR" -print -quit)" ]; then
  echo "Building Footnote (tests skipped; './mvnw verify' runs them) ..."
  ./mvnw -B -q -DskipTests package
fi

# On JDK 25 or newer, an ahead-of-time cache of the classes the service loads and links (JEP 483, 514) makes
# each start about a second faster: the first run after a build records it when the service stops (Ctrl-C),
# later runs use it. FOOTNOTE_AOT_CACHE=off leaves it out.
aot_opts=()
if [ "${FOOTNOTE_AOT_CACHE:-on}" != off ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
  # A cache describes the jar it was recorded with: one older than the jar (however the jar was rebuilt) is
  # recorded again.
  if [ -f "$AOT" ] && [ "$AOT" -nt "$JAR" ]; then
    aot_opts=("-XX:AOTCache=$AOT")
  else
    rm -f "$AOT"
    echo "Recording the start-up cache $AOT for the next start (written when the service stops, ~15 s)"
    # The JVM's notes on what it leaves out of the cache (JFR events, the module graph under --add-modules)
    # are not the user's concern.
    aot_opts=("-XX:AOTCacheOutput=$AOT" "-Xlog:aot*=off")
  fi
fi

# The service's own JVM flags (src/main/jvm/footnote.options, a Java argument file: a heap bound), then the
# user's, which win where they overlap (the last -Xmx counts).
exec java @src/main/jvm/footnote.options ${FOOTNOTE_JAVA_OPTS:-} ${aot_opts[@]+"${aot_opts[@]}"} --add-modules jdk.incubator.vector \
  --enable-native-access=ALL-UNNAMED -jar "$JAR" "$@"
