#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# KDE's translation tooling runs this to extract the plexus catalogue
# ($XGETTEXT carries KI18n's keywords; the engine's catalogued messages,
# backend/engine/message.h, add mi18n*). tools/lib/pseudo-catalogue.sh does the
# same for the tests.
$XGETTEXT -kmi18n:1 -kmi18nc:1c,2 -kmi18np:1,2 -kmi18ncp:1c,2,3 $(find app backend helper ui -name '*.cpp' -o -name '*.h' | sort) -o "$podir/plexus.pot"
# The polkit policy's descriptions and messages: polkitd looks them up in this
# domain (gettext-domain="plexus").
$XGETTEXT_PROGRAM --its=tools/lib/polkit.its -j -o "$podir/plexus.pot" helper/data/org.plexus.policy
