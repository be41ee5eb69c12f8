# syntax=docker/dockerfile:1
# Numbers Gateway image: built with the Maven wrapper, run on a Temurin 25 JRE as a numeric non-root user.
# The code is Java 17 (source and bytecode), so the README's commands work on a JDK 17 machine; the image runs on 25
# for its AOT cache (JEP 483/514), which starts the gateway faster than 17's class data sharing (bench/README.md).
#   docker build -t numbers-gateway .
#   docker run -p 8080:8080 numbers-gateway          # sandbox mode: no Bandwidth account needed

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -DskipTests package && cp target/numbers-gateway-*.jar app.jar

FROM eclipse-temurin:25-jre AS layers
WORKDIR /layers
COPY --from=build /build/app.jar app.jar
# Plain jars with a class path in the manifest, not the launcher: the AOT cache needs them.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
WORKDIR /app
# Layers from the least to the most often changed, so a code change rebuilds only the last one.
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# Heap at half the container's memory limit: on JDK 25 about 190 MB live outside the heap (the AOT cache's
# relocated pages, code, metaspace, threads, arenas), and the serial collector grows the heap to its maximum before a
# full collection, so 75 % (384 MB) let 2,000 connections take the process past a 512Mi limit; the live set under
# that load is about 55 MB (bench/README.md). JSON logs for log collectors; /tmp is the only writable path.
# All interfaces: a container's loopback is unreachable from outside, so the sandbox's loopback-only default would
# make the image useless; there the API key guards the sandbox's admin calls.
# A 64 MB young generation: left to itself, the serial collector the JVM picks in a 512Mi pod keeps it near 18 MB
# and collects many times a second under load, each pause stopping the event loops; a fixed young generation trades
# some resident memory at rest for throughput (bench/README.md).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -Xmn64m -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
    SERVER_ADDRESS=0.0.0.0
# AOT cache: a training run that stops after the context refresh (sandbox mode, no network) records the classes it
# loaded and linked (and their profiles), which the entrypoint maps: a faster start to readiness (bench/README.md).
RUN java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app.jar
USER 10001:10001
EXPOSE 8080
# Probes: GET /actuator/health/liveness and /actuator/health/readiness on port 8080 (the Helm chart uses them);
# the JRE image has no HTTP client for a HEALTHCHECK, and Kubernetes ignores HEALTHCHECK anyway.
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
