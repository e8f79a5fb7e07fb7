// plexus: the window that shows disks, partitions, md arrays and LVM volumes,
// live. --root shows a fixture tree instead of this machine.
#include "mainwindow.h"
#include "startupbenchmark.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QScreen>

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("plexus"));
    QApplication::setApplicationDisplayName(QStringLiteral("Plexus"));
    QApplication::setApplicationVersion(QStringLiteral(PLEXUS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.plexus.Plexus"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("See and manage Linux software RAID and volumes."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption rootOption(QStringLiteral("root"),
                                        QStringLiteral("Show the tree in DIR (with sys/, proc/, run/udev/) instead of this machine."),
                                        QStringLiteral("DIR"), QStringLiteral("/"));
    const QCommandLineOption benchmarkOption(QStringLiteral("benchmark-startup"),
                                             QStringLiteral("Print the time from start to the window populated and shown, then quit."));
    parser.addOption(rootOption);
    parser.addOption(benchmarkOption);
    parser.process(app);

    QString root = parser.value(rootOption);
    if (root != QLatin1String("/")) {
        if (!QDir(root).exists()) {
            qCritical("plexus: %s: no such directory", qPrintable(root));
            return 2;
        }
        root = QDir(root).absolutePath();
    }

    plexus::MainWindow window(root);
    const QSize available = window.screen()->availableSize();
    window.resize(available.boundedTo(QSize(1440, 900)) * 0.92);
    window.show();

    if (parser.isSet(benchmarkOption))
        return plexus::reportStartup(window, sinceMain);
    return app.exec();
}
