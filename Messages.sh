#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# KDE's translation tooling runs this to extract the plexus catalogue
# ($XGETTEXT carries KI18n's keywords). tools/lib/pseudo-catalogue.sh does the
# same for the tests.
$XGETTEXT $(find app backend ui -name '*.cpp' -o -name '*.h' | sort) -o "$podir/plexus.pot"
# The polkit policy's descriptions and messages: polkitd looks them up in this
# domain (gettext-domain="plexus").
$XGETTEXT_PROGRAM --its=tools/lib/polkit.its -j -o "$podir/plexus.pot" helper/data/org.plexus.policy
