# Nexus Explorer web app. Everything is installed at build time; at run time the container only
# talks to Neo4j (see docker-compose.yml) and fetches nothing from the Internet.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NEXUS_DATA=/app/seeds

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY . .
RUN pip install --no-deps -e . \
    && useradd --create-home --uid 10001 --shell /usr/sbin/nologin nexus \
    && chmod 0755 /app/docker/entrypoint.sh

USER nexus
EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
