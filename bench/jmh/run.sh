#!/usr/bin/env bash
# JMH: operations per second and bytes allocated per operation (gc profiler) of the XML -> domain -> JSON path.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/numbers-gateway-0.1.0-SNAPSHOT.jar.original ] || ./mvnw -B -q -DskipTests package
(cd bench/jmh && mvn -B -q -DskipTests package)
CP="bench/jmh/target/classes:target/numbers-gateway-0.1.0-SNAPSHOT.jar.original:$(cat bench/jmh/target/classpath.txt)"
java -cp "$CP" org.openjdk.jmh.Main -prof gc -rf json -rff "bench/results/jmh-$(date -u +%Y-%m-%dT%H-%M-%SZ).json" "$@"
