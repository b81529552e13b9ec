#!/usr/bin/env bash
# build.sh            build bin/briefgen, then the site from content/ into public/
# build.sh test       vet and run every test
# build.sh serve      build bin/briefgen and preview the site with live reload
# build.sh bench      run the benchmarks (ingest, incremental rebuild, check)
# Extra arguments go to the briefgen command (or to go test).
set -euo pipefail
cd "$(dirname "$0")"

version=$(git describe --tags --always --dirty 2>/dev/null || echo dev)
binary() { go build -trimpath -ldflags "-X main.version=$version" -o bin/briefgen ./cmd/briefgen; }

cmd=${1:-site}
[ $# -gt 0 ] && shift
case "$cmd" in
  site)  binary && bin/briefgen build "$@" ;;
  test)  go vet ./... && go test "$@" ./... ;;
  serve) binary && exec bin/briefgen serve "$@" ;;
  check) binary && bin/briefgen check "$@" ;;
  bench) go test -run '^$' -bench . -benchtime 20x "$@" ./internal/... ;;
  *) echo "usage: ./build.sh [site|test|serve|check|bench] [args...]" >&2; exit 2 ;;
esac
