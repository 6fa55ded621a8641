#!/usr/bin/env bash
# ApplicationStart: start Forte from the release `current` points at.
# shellcheck source=deploy/hooks/common.sh
source "$(dirname "$0")/common.sh"

systemctl start "$FORTE_SERVICE"
log "started $FORTE_SERVICE"
