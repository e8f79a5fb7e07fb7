#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# consistency.sh SRC BINDIR VERSION APP_ID: what a distribution ships agrees with
# the programs: every --version, the metainfo's release, CHANGELOG.md,
# debian/changelog and the man pages name the project's version; the desktop
# files and metainfo the application id; groff formats the man pages without a
# warning; plexusctl.1 and the bash completion know every command plexusctl has.
set -uo pipefail
src=$1 bin=$2 version=$3 appid=$4
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for program in plexus plexusctl plexus-helper; do
    out=$("$bin/$program" --version 2>&1) || fail "$program --version exits with status $?"
    [ "$out" = "$program $version" ] || fail "$program --version says '$out', not '$program $version'"
done

metainfo=$src/app/plexus/data/$appid.metainfo.xml
release=$(grep -om1 '<release version="[^"]*"' "$metainfo" | cut -d'"' -f2)
[ "$release" = "$version" ] || fail "the newest release in $appid.metainfo.xml is '$release', not $version"
grep -q "<launchable type=\"desktop-id\">$appid.desktop</launchable>" "$metainfo" || fail "the metainfo does not launch $appid.desktop"
grep -qx "## $version.*" "$src/CHANGELOG.md" || fail "CHANGELOG.md has no section '## $version'"
debian=$(head -n1 "$src/debian/changelog" | sed -n 's/^[^ ]* (\([^)-]*\).*/\1/p')
[ "$debian" = "$version" ] || fail "debian/changelog's newest version is '$debian', not $version"
for desktop in "$appid.desktop" "$appid.Monitor.desktop"; do
    grep -qx "Icon=$appid" "$src/app/plexus/data/$desktop" || fail "$desktop does not use the icon $appid"
done
for page in "$src"/dist/man/*.[18]; do
    grep -q "^\.TH .* \"Plexus $version\"" "$page" || fail "$(basename "$page") does not say Plexus $version"
    warnings=$(groff -man -ww -z "$page" 2>&1) || fail "groff cannot format $(basename "$page")"
    [ -z "$warnings" ] || fail "groff warns about $(basename "$page"): $warnings"
done

commands=$("$bin/plexusctl" --commands) || fail "plexusctl --commands exits with status $?"
[ "$(echo "$commands" | wc -l)" -ge 10 ] || fail "plexusctl --commands lists only: $commands"
# The completion, in a bash that has only it and plexusctl.
completed=$(PATH="$bin:$PATH" bash -c '
    source "$1"
    COMP_WORDS=(plexusctl ""); COMP_CWORD=1; _plexusctl; printf "%s\n" "${COMPREPLY[@]}"
    COMP_WORDS=(plexusctl replace --partition-l); COMP_CWORD=2; _plexusctl; printf "%s\n" "${COMPREPLY[@]}"
    COMP_WORDS=(plexusctl status --js); COMP_CWORD=2; _plexusctl; printf "%s\n" "${COMPREPLY[@]}"
' bash "$src/dist/completion/plexusctl.bash")
for option in --partition-like --json; do
    echo "$completed" | grep -qx -- "$option" || fail "the bash completion does not offer $option"
done
# Once in CI the completion left out two commands it offers everywhere else: what
# it offered is printed with the failure.
for command in $commands; do
    echo "$completed" | grep -qx -- "$command" || fail "the bash completion does not offer the command $command (it offered: $(echo $completed))"
    grep -qxF ".B ${command//-/\\-}" "$src/dist/man/plexusctl.1" || fail "plexusctl.1 does not describe the command $command"
done

[ "$failures" -eq 0 ] && echo "consistent: version $version, application id $appid, $(echo "$commands" | wc -l) plexusctl commands"
exit $((failures > 0))
