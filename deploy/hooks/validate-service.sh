#!/usr/bin/env bash
# ValidateService: the deployment succeeds once GET /ready answers 200 (the database answers) on the configured
# port; it fails when the service stops running or FORTE_READY_TIMEOUT passes first.
# shellcheck source=deploy/hooks/common.sh
source "$(dirname "$0")/common.sh"

host=$(env_value HOST 0.0.0.0)
case $host in 0.0.0.0 | :: | "") host=127.0.0.1 ;; esac
url="http://$host:$(env_value PORT 3000)/ready"

deadline=$((SECONDS + FORTE_READY_TIMEOUT))
until curl --silent --fail --max-time 5 --output /dev/null "$url"; do
  systemctl is-active --quiet "$FORTE_SERVICE" || fail "$FORTE_SERVICE is not running: see journalctl -u $FORTE_SERVICE"
  [ "$SECONDS" -lt "$deadline" ] || fail "no 200 from $url within ${FORTE_READY_TIMEOUT}s"
  sleep 1
done
log "ready: $url"
