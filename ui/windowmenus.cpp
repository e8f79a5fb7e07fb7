// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "windowmenus.h"
#include "aboutplexus.h"

#include <KLocalizedString>
#include <KNotifyConfigWidget>
#include <KStandardActions>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>

namespace plexus {

void addWindowMenus(QMainWindow *window, std::function<void()> refresh)
{
    QMenu *file = window->menuBar()->addMenu(i18nc("@title:menu", "&File"));
    QAction *reload = KStandardActions::redisplay(window, std::move(refresh), window);
    reload->setToolTip(i18nc("@info:tooltip", "Read the disks and arrays again now"));
    file->addAction(reload);
    file->addSeparator();
    // Closes the window; a job it started goes on in the helper.
    file->addAction(KStandardActions::quit(window, &QWidget::close, window));

    QMenu *settings = window->menuBar()->addMenu(i18nc("@title:menu", "&Settings"));
    // What plexus --monitor does for each kind of news: a popup, a sound, nothing.
    settings->addAction(KStandardActions::configureNotifications(window, [window] {
        KNotifyConfigWidget::configure(window, QLatin1String(plexusComponent));
    }, window));

    QMenu *help = window->menuBar()->addMenu(i18nc("@title:menu", "&Help"));
    help->addAction(KStandardActions::aboutApp(window, [window] {
        auto *box = new QMessageBox(QMessageBox::NoIcon, i18nc("@title:window", "About Plexus"), aboutText(), QMessageBox::Close, window);
        box->setObjectName(QStringLiteral("aboutDialog"));
        box->setIconPixmap(window->windowIcon().pixmap(64, 64));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }, window));
    QAction *aboutQt = help->addAction(i18nc("@action:inmenu", "About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

} // namespace plexus
