#!/usr/bin/env bash
# Debian packages some tests drive; installed only where missing (root, as in CI).
set -euo pipefail
need=()
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing: ${need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The official AsyncAPI JSON Schemas (npm package @asyncapi/specs, Apache-2.0) that
# tests/ops/test_docs.py validates Wirewatch's generated AsyncAPI document against.
specs=.ci/cache/asyncapi-specs
if [ ! -f "$specs/package/schemas/3.0.0-without-\$id.json" ] && command -v npm >/dev/null 2>&1; then
  echo "fetching @asyncapi/specs (AsyncAPI JSON Schemas)"
  mkdir -p "$specs"
  (cd "$specs" && npm pack --silent @asyncapi/specs@6.11.1 >/dev/null && tar xzf asyncapi-specs-6.11.1.tgz)
fi
