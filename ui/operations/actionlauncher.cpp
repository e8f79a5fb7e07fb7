// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "actionlauncher.h"
#include "actionicons.h"
#include "devicepicker.h"
#include "newvolumedialog.h"
#include "sizedialog.h"
#include "scheduledialog.h"
#include "speeddialog.h"

#include "engine/steps/volumesteps.h"
#include "model/describe.h"

#include <KLocalizedString>
#include <QAction>
#include <QInputDialog>
#include <QMenu>

namespace plexus {

QString arrayOf(const Selectable &item)
{
    return item.kind == Selectable::Kind::Member ? item.owner : item.kind == Selectable::Kind::Array ? item.name : QString();
}

ActionLauncher::ActionLauncher(QWidget *window) : QObject(window), m_window(window) {}

QList<QAction *> ActionLauncher::createActions(const Selectable &item, QObject *parent)
{
    QList<QAction *> actions;
    const QString array = arrayOf(item);
    for (const ArrayAction &a : actionsFor(m_ctx, item)) {
        auto *qa = new QAction(actionIcon(a.id), a.text, parent);
        qa->setObjectName(QStringLiteral("action-%1").arg(a.id));
        qa->setEnabled(a.enabled);
        qa->setProperty("memberAction", a.memberAction);
        const QString tip = a.enabled ? a.hint : a.reason;
        qa->setToolTip(tip.isEmpty() ? a.text : tip);
        qa->setStatusTip(tip);
        connect(qa, &QAction::triggered, this, [this, a, array] { launch(a, array); });
        actions << qa;
    }
    return actions;
}

void ActionLauncher::fillMenu(QMenu *menu, const Selectable &item)
{
    menu->setToolTipsVisible(true);
    bool member = false;
    for (QAction *a : createActions(item, menu)) {
        const bool isMember = a->property("memberAction").toBool();
        if (member && !isMember)
            menu->addSeparator();
        member = isMember;
        menu->addAction(a);
    }
}

bool ActionLauncher::trigger(const Selectable &item, const QString &id)
{
    for (const ArrayAction &a : actionsFor(m_ctx, item))
        if (a.id == id && a.enabled) {
            launch(a, arrayOf(item));
            return true;
        }
    return false;
}

void ActionLauncher::launch(const ArrayAction &action, const QString &array)
{
    switch (action.input) {
    case ArrayAction::Input::None:
        Q_EMIT reviewRequested(action.make({}));
        return;
    case ArrayAction::Input::Device:
    case ArrayAction::Input::Member:
    case ArrayAction::Input::Choice: {
        QList<DeviceCandidate> choices;
        QString prompt = action.prompt;
        if (action.input == ArrayAction::Input::Device) {
            choices = deviceCandidates(m_ctx, array, action);
            prompt = i18n("Choose the device. Those that cannot be used say why.");
        } else {
            const bool member = action.input == ArrayAction::Input::Member;
            for (const QString &c : member ? memberChoices(*m_ctx.snapshot, array) : action.choices)
                choices << DeviceCandidate{c, c, action.make(c)};
            if (member)
                prompt = i18n("Choose the member to take out of %1.", array);
        }
        auto *picker = new DevicePicker(QString(action.text).remove(QChar(0x2026)), prompt, choices, m_window);
        picker->setAttribute(Qt::WA_DeleteOnClose);
        connect(picker, &DevicePicker::chosen, this, &ActionLauncher::reviewRequested);
        picker->open();
        return;
    }
    case ArrayAction::Input::Name:
    case ArrayAction::Input::Filesystem: {
        const QString title = QString(action.text).remove(QChar(0x2026));
        bool ok = false;
        const QString choice = action.input == ArrayAction::Input::Name
                                   ? QInputDialog::getText(m_window, title, i18n("Name of the new volume group:"), QLineEdit::Normal,
                                                           action.suggestion, &ok)
                                   : QInputDialog::getItem(m_window, title, i18n("Filesystem:"), filesystemTypes(), 0, false, &ok);
        if (ok)
            Q_EMIT reviewRequested(action.make(choice.trimmed()));
        return;
    }
    case ArrayAction::Input::Size: {
        const QString title = QString(action.text).remove(QChar(0x2026));
        if (action.maxBytes > 0) {
            const qint64 initial = parseSize(action.suggestion).value_or(quint64(action.maxBytes));
            auto *dialog = new SizeDialog(title, action.prompt, action.minBytes, action.maxBytes, action.maxWords, initial, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &SizeDialog::sizeChosen, this, [this, action](qint64 bytes) { Q_EMIT reviewRequested(action.make(QString::number(bytes))); });
            dialog->open();
            return;
        }
        bool ok = false;
        const QString size = QInputDialog::getText(m_window, QString(action.text).remove(QChar(0x2026)), action.prompt, QLineEdit::Normal,
                                                   action.suggestion, &ok);
        if (ok)
            Q_EMIT reviewRequested(action.make(size.trimmed()));
        return;
    }
    case ArrayAction::Input::NewVolume: {
        auto *dialog = new NewVolumeDialog(action.prompt, action.maxBytes, action.maxWords, action.suggestion, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &NewVolumeDialog::chosen, this, [this, action](const VolumeChoice &c) { Q_EMIT reviewRequested(action.makeVolume(c)); });
        dialog->open();
        return;
    }
    case ArrayAction::Input::Schedule: {
        auto *dialog = new ScheduleDialog(action.prompt, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ScheduleDialog::whenChosen, this, [this, action](const QString &when) { Q_EMIT reviewRequested(action.make(when)); });
        dialog->open();
        return;
    }
    case ArrayAction::Input::SpeedLimits: {
        const Array *a = m_ctx.snapshot->array(array);
        auto *dialog = new SpeedDialog(array, a ? a->syncSpeedMin : std::nullopt, a ? a->syncSpeedMax : std::nullopt, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SpeedDialog::limitsChosen, this, [this, action](const QString &limits) { Q_EMIT reviewRequested(action.make(limits)); });
        dialog->open();
        return;
    }
    }
}

} // namespace plexus
