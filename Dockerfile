# syntax=docker/dockerfile:1
# Build with JDK 17 (the release the code targets), run on JDK 25 where Lucene's SIMD vector code is enabled.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:25-jre
# Tesseract reads scans and images (groundwork.parse.ocr); one language pack per code in OCR_LANGUAGES, e.g.
# docker build --build-arg OCR_LANGUAGES="eng deu" (then groundwork.parse.ocr-languages=eng+deu)
ARG OCR_LANGUAGES="eng"
RUN apt-get update && apt-get install -y --no-install-recommends curl tesseract-ocr \
      $(for language in ${OCR_LANGUAGES}; do printf 'tesseract-ocr-%s ' "$language"; done) \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /app groundwork
WORKDIR /app
COPY --from=build /build/target/groundwork.jar /app/groundwork.jar
COPY prompts /app/prompts
COPY ingest /app/ingest
RUN mkdir -p /app/index /app/keys && chmod 700 /app/keys && chown -R groundwork:groundwork /app
USER groundwork
EXPOSE 8080
# Native libraries (the tokenizer's) are unpacked under DJL_CACHE_DIR: a place any user id can write, so the
# container also runs as the owner of the mounted folders (see docker-compose.yml).
ENV DJL_CACHE_DIR=/tmp/djl-cache
ENV JAVA_TOOL_OPTIONS="--add-modules=jdk.incubator.vector -Dorg.apache.lucene.vectorization.upperJavaFeatureVersion=25 --enable-native-access=ALL-UNNAMED -XX:+UseG1GC -XX:MaxRAMPercentage=50"
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/groundwork.jar"]
