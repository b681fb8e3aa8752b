#!/bin/sh
# Start-up of the app container: wait until Neo4j accepts the load, load the seeds, then serve.
# `nexus load` exits 3 while Neo4j cannot be reached; any other failure stops the container.
set -eu

if [ "${NEXUS_LOAD:-seeds}" = "seeds" ]; then
  tries=0
  until nexus load --data "${NEXUS_DATA:-/app/seeds}"; do
    status=$?
    tries=$((tries + 1))
    if [ "$status" -ne 3 ] || [ "$tries" -ge 30 ]; then
      echo "nexus load failed (exit $status) after $tries attempt(s); not starting the web app." >&2
      exit "$status"
    fi
    echo "Neo4j is not reachable yet; retrying in 5 s ($tries/30)." >&2
    sleep 5
  done
fi

exec nexus serve --host "${NEXUS_HOST:-0.0.0.0}" --port "${NEXUS_PORT:-8000}"
