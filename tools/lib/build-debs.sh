#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# build-debs.sh SRC OUT [--check | --prebuilt BUILD]: the .deb packages of the
# source tree SRC, built by dpkg-buildpackage from a clean copy in OUT (the
# packages land in OUT). Without --check the package build skips ctest
# (DEB_BUILD_OPTIONS=nocheck): `tools/plexus test` runs the same tests on the
# development build. --prebuilt: package BUILD's binaries (configured with prefix
# /usr, as tools/plexus does) instead of compiling them again (debian/rules).
set -euo pipefail
src=$1 out=$2
options="parallel=2"
[ "${3:-}" = --check ] || options="nocheck $options"
if [ "${3:-}" = --prebuilt ]; then
    export PLEXUS_PREBUILT=${4:?--prebuilt wants the build directory}
    grep -qx 'CMAKE_INSTALL_PREFIX:PATH=/usr' "$PLEXUS_PREBUILT/CMakeCache.txt" \
        || { echo "build-debs.sh: $PLEXUS_PREBUILT is not configured with prefix /usr" >&2; exit 1; }
    options="$options noautodbgsym"    # for the test only: a minute of compressing debug symbols saved
fi
version=$(sed -n '1s/^plexus (\([^)]*\)).*/\1/p' "$src/debian/changelog")
rm -rf "$out"
"$src/tools/lib/source-copy.sh" "$src" "$out/plexus-$version"
cd "$out/plexus-$version"
DEB_BUILD_OPTIONS=$options dpkg-buildpackage --build=binary --no-sign
cd "$out"
rm -rf "plexus-$version"
for deb in *.deb; do
    printf '%-50s %8s bytes  %s\n' "$deb" "$(stat -c %s "$deb")" "$(dpkg-deb -f "$deb" Installed-Size) KiB installed"
done
