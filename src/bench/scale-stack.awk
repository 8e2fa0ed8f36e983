# The generated stack of perf.sh's scale check: n services, images of several kinds, some memory limits,
# health checks, dependencies, ports and container names. Usage: awk -v n=10000 -f scale-stack.awk > stack.yml
BEGIN {
  split("postgres:16 redis:7 nginx:1.27 node:20 python:3.12 mysql:8 rabbitmq:3 example/app:1.0", img, " ")
  print "services:"
  for (i = 0; i < n; i++) {
    printf "  svc%d:\n    image: %s\n", i, img[i % 8 + 1]
    if (i % 3 == 0) print "    mem_limit: 256m"
    if (i % 4 == 0) print "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10s"
    if (i > 0 && i % 5 == 0) printf "    depends_on: [svc%d]\n", i - 1
    if (i % 7 == 0) printf "    ports: [\"%d:80\"]\n", 10000 + i
    if (i % 11 == 0) printf "    container_name: c%d\n", i
  }
}
