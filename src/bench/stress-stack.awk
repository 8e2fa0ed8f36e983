# A generated stack of n services that gives every rule with a whole-file view work to do, for the scale
# check in perf.sh (no rule may be quadratic in the number of services): every health check on the same
# interval (the collision planner cannot separate them all), container names and host ports used twice,
# long depends_on chains, extends within the file, a merge key, tuned and mis-tuned databases, heaps
# larger than their limits, secrets, force-removing loops, privileged services, and a memory budget when
# run with --host-memory.  Usage: awk -v n=10000 -f stress-stack.awk > stack.yml
BEGIN {
  split("postgres:16 redis:7 node:20 eclipse-temurin:21 nginx:1.27 mysql:8 rabbitmq:3 example/app:1.0 mongo:7 elasticsearch:8.14.0", img, " ")
  print "x-common: &common"
  print "  restart: always"
  print "  logging:\n    driver: json-file"
  print "services:"
  for (i = 0; i < n; i++) {
    k = i % 10
    printf "  svc%d:\n", i
    if (i % 13 == 0) print "    <<: *common"
    printf "    image: %s\n", img[k + 1]
    printf "    container_name: box%d\n", int(i / 2)
    printf "    ports: [\"8080:80\", \"%d:5432\"]\n", 5432 + (i % 50)
    print "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10s"
    if (i > 0) printf "    depends_on: [svc%d, svc%d]\n", i - 1, int(i / 2)
    if (k == 0) print "    command: postgres -c shared_buffers=4GB -c max_connections=500\n    mem_limit: 256m"
    if (k == 1) print "    command: redis-server --maxmemory 2gb\n    mem_limit: 128m"
    if (k == 2) print "    environment:\n      NODE_OPTIONS: --max-old-space-size=4096\n      API_TOKEN: ghp_0123456789abcdefghijABCDEFGHIJ0123456789\n    mem_limit: 512m"
    if (k == 3) print "    environment:\n      - JAVA_TOOL_OPTIONS=-Xmx8g\n      - DB_PASSWORD=s3cr3t-value-" i "\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n        reservations:\n          memory: 2g"
    if (k == 4) print "    entrypoint: [\"sh\", \"-c\", \"docker rm -f old" i " || true; while true; do docker restart web; done\"]\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - ./node_modules:/app/node_modules"
    if (k == 5) print "    privileged: true\n    network_mode: host\n    cap_add: [SYS_ADMIN]"
    if (k == 6) print "    extends: svc" (i - 6)
    if (k == 7) print "    profiles: [extra]\n    mem_limit: 64g"
    if (k == 8) print "    build: ./app" i "\n    pid: host"
  }
  print "volumes:\n  data: {}"
}
