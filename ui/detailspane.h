// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The details of the current selection: a heading, then every attribute as
// "what it means" next to "what the kernel says", grouped in sections.

#include "details.h"

#include <QWidget>

class QLabel;
class QStandardItemModel;
class QTreeView;

namespace plexus {

class SelectionModel;

class DetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(SelectionModel *selection, QWidget *parent = nullptr);

    // Shows the current selection as it is in the selection's snapshot.
    void refresh();
    // Events to keep for what md does not remember (an array's last check):
    // the journal's go before those seen live; progress ticks are left out.
    // True when it kept any: then the caller refresh()es (a whole update does anyway).
    bool addHistory(const QList<Event> &events, bool past);
    // When the machine checks its arrays.
    void setSchedule(const ScrubSchedule &schedule);
    const Details &details() const { return m_details; }
    QTreeView *view() const { return m_view; }

private:
    SelectionModel *m_selection;
    Details m_details;
    DetailsContext m_context;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_placeholder;
    QStandardItemModel *m_model;
    QTreeView *m_view;
};

} // namespace plexus
