# Comptoir's container image (docs/operator-guide.md, "Container image"). Not built on the machines where it was
# written (no Docker engine there): see docs/FEATURES.md.
#
#   docker build -t comptoir .
#   docker run -p 8080:8080 -v comptoir-data:/data comptoir          # embedded PostgreSQL, demo businesses
#   docker compose -f deploy/compose.yaml up                          # with a PostgreSQL container
#
# Build stage: the Maven wrapper on the JDK the project is built and tested with (25, compiling for Java 21).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
# Dependencies first, in their own layer: a change of the sources alone does not download them again.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline -DskipTests
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
    && cp target/comptoir-*.jar /tmp/comptoir.jar \
    && java -Djarmode=tools -jar /tmp/comptoir.jar extract --destination /app

# Run stage: a JRE only, as an unprivileged user.
FROM eclipse-temurin:25-jre
# Tesseract and its French and English data for the registration-document scan (without them the scan answers 503
# and the inspector types the fields); curl for the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 comptoir \
    && useradd --system --uid 10001 --gid comptoir --home-dir /data --shell /usr/sbin/nologin comptoir \
    && mkdir -p /data && chown comptoir:comptoir /data
WORKDIR /app
COPY --from=build /app/ /app/
# Everything the application writes: the embedded database (when no COMPTOIR_DB_URL is set), generated keys,
# uploaded pictures, export files and the structured log.
ENV COMPTOIR_DATA_DIR=/data \
    COMPTOIR_OCR_DATA_PATH=/usr/share/tesseract-ocr/5/tessdata \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /data
USER comptoir
EXPOSE 8080
# /readyz: started and the database answers; on the application's port even when COMPTOIR_MANAGEMENT_PORT is set.
# The first start of an empty embedded database takes up to a minute or more on a small machine.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=4 \
    CMD curl -fsS "http://localhost:${PORT}/readyz" > /dev/null || exit 1
# exec form: the JVM is PID 1 and receives SIGTERM (graceful stop in < 5 s, operator guide "Stopping").
ENTRYPOINT ["java", "-jar", "/app/comptoir.jar"]
