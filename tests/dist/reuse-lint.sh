#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# reuse-lint.sh SRC: `reuse lint` on the source tree without what git ignores.
# reuse asks git which files count, but the build root has no git, so it lints a
# copy made without the .gitignore patterns instead.
set -euo pipefail
src=$1
command -v reuse >/dev/null || { echo "reuse-lint: the reuse tool is not installed (Debian package reuse)" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
"$src/tools/lib/source-copy.sh" "$src" "$stage"
reuse --root "$stage" lint
