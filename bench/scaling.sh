#!/usr/bin/env sh
# Many-business benchmark (docs/scaling.md): one business made through the API, copied in SQL into 100, 1,000 and
# 10,000 businesses; per-business latency of the product list, order list and stock levels at each size.
# Options: -Dbench.businesses=100,1000,10000 -Dbench.samples=2000, -Dbench.plans=true (generic and custom plans of
# the stock levels' statements, buffers of a business not read before). Prints target/scaling-bench.txt.
set -e
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ./mvnw -B -o verify -Dbench=true \
  -Dit.test=ScalingBenchIT -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/scaling-bench.txt
