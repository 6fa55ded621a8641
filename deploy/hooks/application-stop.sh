#!/usr/bin/env bash
# ApplicationStop: stop Forte. The unit sends SIGTERM, the supervisor lets every worker finish its requests in
# flight and close the database (bounded by the unit's TimeoutStopSec). Nothing to do where no unit is installed.
# shellcheck source=deploy/hooks/common.sh
source "$(dirname "$0")/common.sh"

if [ ! -f "$UNIT_FILE" ]; then
  log "no $UNIT_FILE: nothing to stop"
  exit 0
fi
systemctl stop "$FORTE_SERVICE"
log "stopped $FORTE_SERVICE"
