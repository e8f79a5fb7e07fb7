#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# source-copy.sh SRC DEST: copy the source tree without what .gitignore names
# (build/, build-*/ ...) and without .git: the build root has no git to ask, and
# a worktree's .git points outside it. Patterns with a "/" are paths from SRC.
set -euo pipefail
src=$1 dest=$2
prune=(-path ./.git)
while IFS= read -r pattern; do
    pattern=${pattern%/}; pattern=${pattern#/}
    case "$pattern" in
        ''|'#'*) ;;
        */*) prune+=(-o -path "./$pattern");;
        *) prune+=(-o -name "$pattern");;
    esac
done < "$src/.gitignore"
mkdir -p "$dest"
(cd "$src" && find . \( "${prune[@]}" \) -prune -o \( -type f -o -type l \) -print0 | cpio -0 -pdm --quiet "$dest")
