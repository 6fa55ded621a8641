#!/usr/bin/env bash
# AfterInstall: copy the revision into a release folder of its own, check that its native addon loads on this
# host, apply the migrations, then point `current` at the release and install the unit. Until the last step
# nothing the running system uses has changed, so a failure leaves the previous release in place.
# shellcheck source=deploy/hooks/common.sh
source "$(dirname "$0")/common.sh"
require_node

version=$("$FORTE_NODE" -p "require('$REVISION_DIR/package.json').version")
name="forte-$version-${DEPLOYMENT_ID:-manual-$(date -u +%Y%m%dT%H%M%SZ)}"
release="$FORTE_ROOT/releases/$name"

rm -rf "$release" "$release.partial"
mkdir -p "$release.partial"
cp -a "$REVISION_DIR/." "$release.partial/"
mv "$release.partial" "$release"
log "copied the revision to $release"

# better-sqlite3 was compiled where the tarball was built; a host with another architecture or an older glibc
# cannot load it, and that must fail the deployment here rather than the service at start.
if ! (cd "$release" && "$FORTE_NODE" -e "new (require('better-sqlite3'))(':memory:').close()"); then
  fail "the better-sqlite3 addon of $name does not load on this host (built for another platform?)"
fi

# From shared/, so that forte-cli reads shared/.env and a SQLite database lands in shared/data/.
(cd "$SHARED_DIR" && as_service_user "$FORTE_NODE" "$release/bin/forte-cli.js" migrate latest) ||
  fail "the migrations of $name failed: the previous release stays current"

ln -sfn "releases/$name" "$FORTE_ROOT/current.next"
mv -T "$FORTE_ROOT/current.next" "$FORTE_ROOT/current"
log "current -> releases/$name"

mkdir -p "$FORTE_UNIT_DIR"
sed -e "s|@FORTE_ROOT@|$FORTE_ROOT|g" -e "s|@FORTE_USER@|$FORTE_USER|g" -e "s|@NODE@|$FORTE_NODE|g" \
  "$release/deploy/forte.service" >"$UNIT_FILE.next"
mv "$UNIT_FILE.next" "$UNIT_FILE"
systemctl daemon-reload
systemctl enable "$FORTE_SERVICE"
log "installed $UNIT_FILE"

# Older releases beyond FORTE_KEEP_RELEASES go, newest kept; the current one is never among them.
find "$FORTE_ROOT/releases" -mindepth 1 -maxdepth 1 -type d ! -name "$name" -printf '%T@ %p\n' |
  sort -rn | tail -n +"$FORTE_KEEP_RELEASES" | cut -d' ' -f2- |
  while IFS= read -r old; do
    rm -rf "$old"
    log "removed the old release $old"
  done
