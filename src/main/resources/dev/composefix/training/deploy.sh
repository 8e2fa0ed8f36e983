#!/bin/sh
# Part of the launcher's training run: the scripts hook's shell scripts.
set -e
docker rm -f web || true
docker compose down -v
for i in 1 2 3; do
  docker restart web && break
  sleep "$i"
done
