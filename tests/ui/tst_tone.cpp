// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The colours that mean something follow the user's KDE colour scheme where
// there is one (kdeglobals' [Colors:View], as Plasma writes it): negative for
// faulty, neutral for degraded, positive for healthy, active for busy. The
// scheme here is a made-up one, so no default can pass for it.
#include "tone.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;

class TestTone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheColourScheme()
    {
        const QPalette palette = QApplication::palette();
        QCOMPARE(toneColor(Tone::Bad, palette), QColor(201, 11, 12));
        QCOMPARE(toneColor(Tone::Warning, palette), QColor(202, 12, 13));
        QCOMPARE(toneColor(Tone::Good, palette), QColor(203, 13, 14));
        QCOMPARE(toneColor(Tone::Busy, palette), QColor(204, 14, 15));
        // Spares and the like stay the palette's grey.
        QCOMPARE(toneColor(Tone::Neutral, palette), mix(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.45));
        // Fills are the same colours, softened over the base.
        QCOMPARE(toneFill(Tone::Bad, palette), mix(palette.color(QPalette::Base), QColor(201, 11, 12), isDark(palette) ? 0.22 : 0.12));
    }
};

int main(int argc, char **argv)
{
    // Before anything reads kdeglobals: a configuration home of the test's own.
    QTemporaryDir home;
    QFile globals(home.filePath(QStringLiteral("kdeglobals")));
    if (!home.isValid() || !globals.open(QIODevice::WriteOnly))
        return 1;
    globals.write("[Colors:View]\nForegroundNegative=201,11,12\nForegroundNeutral=202,12,13\n"
                  "ForegroundPositive=203,13,14\nForegroundActive=204,14,15\n");
    globals.close();
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.path()));
    QApplication app(argc, argv);
    TestTone test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tone.moc"
