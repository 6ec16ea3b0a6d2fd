#!/bin/sh
# Re-create graph/data/yasgui/ (the query page's YASGUI) from the npm registry.
#
# Fetches the published tarball of @zazuko/yasgui at the pinned version with `npm pack` (no install
# scripts run, no dependencies fetched: the package's build/ is already a self-contained bundle),
# checks it against the registry's sha512 integrity recorded below, and copies only the two built
# files the page loads. LICENSE (MIT) is the upstream repository's (github.com/rdfjs/Yasgui), since the
# npm package ships none; it is kept in the tree and not touched here.
# Usage: sh tools/vendor_yasgui.sh   (needs npm and network access to the registry; run from anywhere)
set -eu

VERSION=4.6.2
INTEGRITY=sha512-Zw45KdPoAE1KRaAoxIHdQqeJxvaVG1oQdntw0hy0ktX35Zu8ZccuOLrXCLwR+GU+0xMzLw8Mjw6BkSZV2vUuQw==
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/graph/data/yasgui"
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/yasgui-build.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

cd "$SCRATCH"
npm pack --silent "@zazuko/yasgui@$VERSION" >/dev/null
TARBALL="zazuko-yasgui-$VERSION.tgz"
GOT="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | openssl base64 -A)"
if [ "$GOT" != "$INTEGRITY" ]; then
    echo "vendor_yasgui: $TARBALL has integrity $GOT, expected $INTEGRITY" >&2
    exit 1
fi
tar -xzf "$TARBALL"
mkdir -p "$DEST"
cp package/build/yasgui.min.js package/build/yasgui.min.css "$DEST/"
echo "graph/data/yasgui: @zazuko/yasgui $VERSION ($INTEGRITY)"
