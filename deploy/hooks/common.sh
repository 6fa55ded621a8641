# shellcheck shell=bash disable=SC2034
# (SC2034: the variables set here are read by the hooks that source this file.)
# What every CodeDeploy hook of Forte shares: its settings, each overridable from the environment (the tests
# install into a temporary root with a stand-in systemctl on PATH), and a few helpers.
#
#   FORTE_ROOT           install root: releases/, current -> releases/<name>, shared/ (.env, data/)  /opt/forte
#   FORTE_SERVICE        systemd unit name                                                         forte
#   FORTE_USER           account the service and the migrations run as (made when missing)         forte
#   FORTE_UNIT_DIR       where the unit file is installed                                          /etc/systemd/system
#   FORTE_NODE           the node binary (Node 20)                                                 node on PATH
#   FORTE_PORT           the PORT written into a new shared/.env                                   3000
#   FORTE_KEEP_RELEASES  releases kept after a deployment (the current one always is)              5
#   FORTE_READY_TIMEOUT  seconds ValidateService waits for GET /ready to answer 200                 120
set -euo pipefail

FORTE_ROOT=${FORTE_ROOT:-/opt/forte}
FORTE_SERVICE=${FORTE_SERVICE:-forte}
FORTE_USER=${FORTE_USER:-forte}
FORTE_UNIT_DIR=${FORTE_UNIT_DIR:-/etc/systemd/system}
FORTE_NODE=${FORTE_NODE:-$(command -v node || true)}
FORTE_PORT=${FORTE_PORT:-3000}
FORTE_KEEP_RELEASES=${FORTE_KEEP_RELEASES:-5}
FORTE_READY_TIMEOUT=${FORTE_READY_TIMEOUT:-120}

# The unpacked revision these scripts came with (CodeDeploy's deployment-archive folder).
REVISION_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED_DIR="$FORTE_ROOT/shared"
ENV_FILE="$SHARED_DIR/.env"
UNIT_FILE="$FORTE_UNIT_DIR/$FORTE_SERVICE.service"

log() {
  printf 'forte %s: %s\n' "${LIFECYCLE_EVENT:-$(basename "$0" .sh)}" "$*"
}

fail() {
  log "$*" >&2
  exit 1
}

require_node() {
  if [ -z "$FORTE_NODE" ] || [ ! -x "$FORTE_NODE" ]; then
    fail "no node binary: install Node 20 or set FORTE_NODE"
  fi
}

# Runs a command as the service account (directly when that is who runs the hook).
as_service_user() {
  if [ "$(id -un)" = "$FORTE_USER" ]; then
    "$@"
  else
    runuser -u "$FORTE_USER" -- "$@"
  fi
}

# The last value of KEY in shared/.env, without quotes, or the default.
env_value() {
  local key=$1 default=$2 value=""
  if [ -f "$ENV_FILE" ]; then
    value=$(sed -n -E "s/^[[:space:]]*(export[[:space:]]+)?${key}[[:space:]]*=[[:space:]]*//p" "$ENV_FILE" | tail -n 1)
    value=${value%\"}
    value=${value#\"}
    value=${value%\'}
    value=${value#\'}
  fi
  printf '%s' "${value:-$default}"
}
