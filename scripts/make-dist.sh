#!/usr/bin/env bash
# `make dist`: dist/forte-<version>.tar.gz, one file that is both a self-contained install (compiled JavaScript,
# migrations, production dependencies with the better-sqlite3 addon compiled for this platform) and an AWS
# CodeDeploy revision (appspec.yml at its root, the hooks under deploy/). It is compiled and assembled in a
# staging folder of its own: dist/ is also tsc's outDir, and only the tarball is written there.
#   FORTE_DIST_DIR   where the tarball goes (default: dist/ of this checkout)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${FORTE_DIST_DIR:-$root/dist}
version=$(node -p "require('$root/package.json').version")
tarball="$out/forte-$version.tar.gz"

stage=$(mktemp -d "${TMPDIR:-/tmp}/forte-dist.XXXXXX")
trap 'rm -rf "$stage"' EXIT

# A fresh compile, so that no output of a source deleted since the last build is shipped. The type check is the
# build's (`make dist` installs, which runs `tsc -b`): this one only emits, and leaves dist/'s incremental state alone.
"$root/node_modules/.bin/tsc" -p "$root/tsconfig.json" --outDir "$stage/dist" --incremental false --noCheck
rm -rf "$stage/dist/test" "$stage/dist/bench"

cp -R "$root/bin" "$stage/bin"
mkdir "$stage/deploy"
cp -R "$root/deploy/hooks" "$root/deploy/forte.service" "$root/deploy/forte-supervisor.js" "$stage/deploy/"
cp "$root/deploy/appspec.yml" "$stage/appspec.yml"
cp "$root/package.json" "$root/package-lock.json" "$root/README.md" "$stage/"

# This checkout's node_modules less the development packages: the addon compiled here comes along as it is.
cp -R "$root/node_modules" "$stage/node_modules"
(cd "$stage" && npm prune --omit=dev --ignore-scripts --offline --no-audit --no-fund >/dev/null)
rm -rf "$stage/node_modules/better-sqlite3/build/Release/"{obj,obj.target,.deps,sqlite3.a,test_extension.node} \
  "$stage/node_modules/better-sqlite3/build/deps"
find "$stage/node_modules" -mindepth 1 -maxdepth 1 -type d -empty -delete

# The installed copy runs; it does not build, test or install git hooks (those tools are not in it).
node -e '
  const file = process.argv[1];
  const pkg = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
  pkg.scripts = { start: "node dist/src/cli/main.js serve" };
  require("node:fs").writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
' "$stage/package.json"

mkdir -p "$out"
# gzip's fastest level: most of the tarball is already-compact JavaScript, and the build stays quick.
tar -C "$stage" --owner=0 --group=0 --numeric-owner -I 'gzip -1' -cf "$tarball.partial" \
  appspec.yml README.md bin deploy dist node_modules package.json package-lock.json
mv "$tarball.partial" "$tarball"
echo "$tarball"
