// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
#include <QCommandLineParser>
#include <QTextStream>

#include <KLocalizedString>

#include <optional>

namespace plexus {

// Parses a command's options the same way for every command: an exit code when
// it should end now (2 after a usage error, said on stderr; 0 after --help),
// nothing when it should go on.
inline std::optional<int> parseCommandOptions(QCommandLineParser &parser, const QStringList &args)
{
    if (!parser.parse(args)) {
        QTextStream(stderr) << i18nc("an error message of plexusctl, on its command line", "plexusctl: %1", parser.errorText()) << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    return std::nullopt;
}

} // namespace plexus
