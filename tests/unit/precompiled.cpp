// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Nothing: the unit tests' precompiled headers are made for this file
// (tests/CMakeLists.txt), and every unit test reuses them.
