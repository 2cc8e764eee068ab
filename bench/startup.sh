#!/usr/bin/env bash
# Start time to a usable login: starts the packaged jar on an empty data directory, polls until /login
# answers 200 AND the demo administrator of the garden shop signs in through the login form (and /app
# answers 200), prints the seconds; then waits until the demo data has finished loading in the background
# (the banner's /app/demo-progress says LOADED) and prints that too; stops it, starts it again on the
# same data directory, prints the restart's seconds.
#
#   bench/startup.sh [--jar target/comptoir-*.jar] [--port 18080] [--runs 1] [--keep]
#   (builds the jar with ./mvnw -q package -DskipTests when it is missing)
#
# Extra JVM options go in JAVA_OPTS; extra settings in the environment (COMPTOIR_DEMO_ORDER_HISTORY ...).
# The application's log of each start is kept in the data directory (start-1.log, start-2.log).
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=""
PORT=18080
RUNS=1
KEEP=false
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR="$2"; shift 2 ;;
        --port) PORT="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --keep) KEEP=true; shift ;;
        -h|--help) sed -n 2,10p "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -z "$JAR" ]; then
    JAR=$(ls target/comptoir-*.jar 2>/dev/null | grep -v original | head -1 || true)
    if [ -z "$JAR" ]; then
        ./mvnw -q package -DskipTests -Dmaven.test.skip=true
        JAR=$(ls target/comptoir-*.jar | grep -v original | head -1)
    fi
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
EMAIL=admin@jardin-des-lilas.demo
PASSWORD=${COMPTOIR_DEMO_PASSWORD:-comptoir-demo-2026}

now() { date +%s.%N; }
TICKS=$(getconf CLK_TCK)

# CPU seconds the JVM has used so far (user + system): unlike the wall time, it hardly moves when other
# work shares the machine, so runs on a busy machine can still be compared.
cpu() { awk -v t="$TICKS" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$1/stat"; }

# One sign-in through the form, as a browser does it: the CSRF token of the login page, then the post.
# Keeps the session in $COOKIES for the demo progress.
signs_in() {
    local jar page token location
    jar=$COOKIES
    : >"$jar"
    page=$(curl -s -c "$jar" -b "$jar" --max-time 5 "http://localhost:$PORT/login") || return 1
    token=$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    [ -n "$token" ] || return 1
    location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --max-time 5 \
        --data-urlencode "_csrf=$token" --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" \
        "http://localhost:$PORT/login") || return 1
    case "$location" in
        */app) ;;
        *) return 1 ;;
    esac
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" --max-time 10 "http://localhost:$PORT/app")" = 200 ] \
        || return 1
}

# Starts the jar, waits for a usable login, prints the seconds, stops it.
start() {
    local label=$1 log=$2 t0 status code
    t0=$(now)
    COMPTOIR_DATA_DIR="$DATA" PORT=$PORT "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" >"$log" 2>&1 &
    PID=$!
    while true; do
        if ! kill -0 "$PID" 2>/dev/null; then
            echo "the application stopped; see $log" >&2
            exit 1
        fi
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$PORT/login" || true)
        if [ "$code" = 200 ] && signs_in; then
            break
        fi
        sleep 0.2
    done
    status=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
    printf '%-40s %6s s   (JVM CPU %s s; %s; load %s)\n' "$label: usable login" "$status" "$(cpu "$PID")" \
        "$(grep -o 'Started Comptoir[A-Za-z]* in [0-9.]* seconds' "$log" | head -1)" "$(cut -d' ' -f1 /proc/loadavg)"
    # The demo data loads behind the login; stopping before it is complete would replay it at the next start.
    while curl -s -b "$COOKIES" --max-time 5 "http://localhost:$PORT/app/demo-progress" | grep -q 'data-demo-state="LOADING"'; do
        sleep 0.5
    done
    status=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
    printf '%-40s %6s s   (JVM CPU %s s)\n' "$label: demo data loaded" "$status" "$(cpu "$PID")"
    kill "$PID"
    wait "$PID" 2>/dev/null || true
}

COOKIES=$(mktemp)
trap 'rm -f "$COOKIES"' EXIT
for run in $(seq 1 "$RUNS"); do
    DATA=$(mktemp -d /tmp/comptoir-startup.XXXXXX)
    start "first start" "$DATA/start-1.log"
    start "restart" "$DATA/start-2.log"
    if [ "$KEEP" = true ]; then
        echo "data directory kept: $DATA"
    else
        rm -rf "$DATA"
    fi
done
