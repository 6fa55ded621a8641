#!/usr/bin/env bash
# BeforeInstall: the service account and the lasting parts of the install root. shared/.env is written once with
# defaults and from then on belongs to the operator (secrets go there, so only the service's group reads it);
# shared/data/ holds the embedded SQLite database when DATABASE_URL is left at its default.
# shellcheck source=deploy/hooks/common.sh
source "$(dirname "$0")/common.sh"

if ! id -u "$FORTE_USER" >/dev/null 2>&1; then
  useradd --system --home-dir "$FORTE_ROOT" --no-create-home --shell /usr/sbin/nologin "$FORTE_USER"
  log "made the system account $FORTE_USER"
fi
group=$(id -gn "$FORTE_USER")

install -d -m 0755 "$FORTE_ROOT" "$FORTE_ROOT/releases"
install -d -m 0750 -o "$FORTE_USER" -g "$group" "$SHARED_DIR" "$SHARED_DIR/data"

if [ ! -f "$ENV_FILE" ]; then
  umask 027
  cat >"$ENV_FILE" <<ENV
# Forte's settings on this host (README, "Configuration"). The service reads this file at every start and
# reload (systemctl reload $FORTE_SERVICE); forte-cli reads it when run from this folder.
PORT=$FORTE_PORT
HOST=0.0.0.0
DATABASE_URL=sqlite:./data/forte.sqlite
ACCESS_LOG=stdout
ENV
  chown "root:$group" "$ENV_FILE" 2>/dev/null || chown "$FORTE_USER:$group" "$ENV_FILE"
  log "wrote $ENV_FILE with the defaults: edit it for MariaDB, Sentry and Xsolla"
fi
