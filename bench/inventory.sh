#!/usr/bin/env sh
# Inventory benchmark: reservations/s (64 clients, hot variant and 1000 spread variants), movements/s,
# oversell count. Prints the figures and writes them to target/inventory-bench.txt.
set -e
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ./mvnw -B -o verify -Dbench=true \
  -Dit.test=InventoryBenchIT -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/inventory-bench.txt
