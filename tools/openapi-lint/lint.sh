#!/usr/bin/env bash
# Lints the OpenAPI documents a module's integration tests wrote to <module>/target/openapi/*.json.
# Usage: tools/openapi-lint/lint.sh <module-dir> [skip flags]. Nothing to lint (tests skipped) is not an error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="${1:?module directory}"
# The build passes its skipTests, skipITs and maven.test.skip: no tests ran, so the documents would be stale.
for skipped in "${@:2}"; do
  if [ "$skipped" = "true" ]; then
    echo "openapi-lint: tests skipped, nothing to lint"
    exit 0
  fi
done
shopt -s nullglob
docs=("$module"/target/openapi/*.json)
if [ ${#docs[@]} -eq 0 ]; then
  echo "openapi-lint: no documents under $module/target/openapi, nothing to lint"
  exit 0
fi
if [ ! -x "$here/node_modules/.bin/redocly" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$here/node_modules/.bin/redocly" lint --config "$here/redocly.yaml" --format=stylish "${docs[@]}"
