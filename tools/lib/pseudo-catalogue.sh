#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# pseudo-catalogue.sh OUT.mo SOURCE... [POLICY]: the x-test catalogue of the
# plexus domain, in which every message is "translated" by writing its Latin
# letters in their fullwidth forms ("Ｒｅｐｌａｃｅ %1"), leaving placeholders,
# markup and entities alone. tst_pseudotranslation runs the window in this
# language: an ASCII letter left in a visible string, other than in the machine's
# own names, was never translated, even inside a translated sentence. The
# keywords are KI18n's, as KDE's own extraction (Messages.sh, $XGETTEXT) passes them,
# and Plexus's mi18n* (engine/message.h), which Messages.sh adds.
set -euo pipefail
out=$1
shift
sources=() policies=()
for f in "$@"; do
    case $f in
    *.policy) policies+=("$f") ;;
    *) sources+=("$f") ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xgettext --c++ --kde --from-code=UTF-8 --no-wrap --package-name=plexus -ci18n \
    -ki18n:1 -ki18nc:1c,2 -ki18np:1,2 -ki18ncp:1c,2,3 \
    -kki18n:1 -kki18nc:1c,2 -kki18np:1,2 -kki18ncp:1c,2,3 \
    -kkli18n:1 -kkli18nc:1c,2 -kkli18np:1,2 -kkli18ncp:1c,2,3 \
    -kxi18n:1 -kxi18nc:1c,2 -kxi18np:1,2 -kxi18ncp:1c,2,3 \
    -kkxi18n:1 -kkxi18nc:1c,2 -kkxi18np:1,2 -kkxi18ncp:1c,2,3 \
    -kmi18n:1 -kmi18nc:1c,2 -kmi18np:1,2 -kmi18ncp:1c,2,3 \
    -o "$work/plexus.pot" "${sources[@]}"
# polkitd looks the policy's descriptions and messages up in the same domain.
if [ ${#policies[@]} -gt 0 ]; then
    xgettext --its="$(dirname "$0")/polkit.its" -j -o "$work/plexus.pot" "${policies[@]}"
fi
msginit --no-translator --locale=en_US.UTF-8 -i "$work/plexus.pot" -o "$work/en.po" 2>/dev/null
msgfilter --keep-header -i "$work/en.po" -o "$work/x-test.po" \
    perl -CSD -0777 -pe 's{(<[^>]*>|&[a-z]+;|%\d)|([A-Za-z])}{defined $1 ? $1 : chr(ord($2) + 0xFEE0)}ge'
mkdir -p "$(dirname "$out")"
msgfmt --check-format -o "$out" "$work/x-test.po"
