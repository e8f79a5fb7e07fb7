// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "windowmenus.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>

namespace plexus {

QString aboutText()
{
    return QStringLiteral("<h3>Plexus %1</h3>"
                          "<p>See and manage Linux software RAID (md) and LVM volumes: every disk, partition, "
                          "array and volume at a glance, changes reviewed as the equivalent shell commands "
                          "before they run.</p>"
                          "<p>Copyright 2026 The Plexus developers.<br>"
                          "Licensed under the GNU General Public License, version 2 or later (GPL-2.0-or-later).</p>")
        .arg(QStringLiteral(PLEXUS_VERSION));
}

void addWindowMenus(QMainWindow *window, std::function<void()> refresh)
{
    QMenu *file = window->menuBar()->addMenu(QStringLiteral("&File"));
    QAction *reload = file->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), QStringLiteral("&Refresh"));
    reload->setObjectName(QStringLiteral("action-refresh"));
    reload->setShortcuts(QKeySequence::Refresh);
    reload->setToolTip(QStringLiteral("Read the disks and arrays again now"));
    QObject::connect(reload, &QAction::triggered, window, std::move(refresh));
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), QStringLiteral("&Quit"));
    quit->setObjectName(QStringLiteral("action-quit"));
    // Qt's generic platform theme binds no key to Quit; every Linux desktop uses Ctrl+Q.
    const QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    quit->setShortcuts(quitKeys.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)} : quitKeys);
    quit->setMenuRole(QAction::QuitRole);
    QObject::connect(quit, &QAction::triggered, window, &QWidget::close); // a running job goes on in the helper

    QMenu *help = window->menuBar()->addMenu(QStringLiteral("&Help"));
    QAction *about = help->addAction(QIcon::fromTheme(QStringLiteral("help-about")), QStringLiteral("&About Plexus"));
    about->setObjectName(QStringLiteral("action-about"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window] {
        auto *box = new QMessageBox(QMessageBox::NoIcon, QStringLiteral("About Plexus"), aboutText(), QMessageBox::Close, window);
        box->setObjectName(QStringLiteral("aboutDialog"));
        box->setIconPixmap(window->windowIcon().pixmap(64, 64));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    QAction *aboutQt = help->addAction(QStringLiteral("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

} // namespace plexus
