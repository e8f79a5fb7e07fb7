// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What a widget that paints several things a user can pick (member tiles,
// partition segments) tells assistive technology about them. Those things are
// no widgets of their own, so without this a screen reader hears one sentence
// for the whole strip; with it each becomes an accessible child with a name,
// a description, the place it is drawn, and whether it is the current one
// (paintedaccessible.cpp turns this into QAccessibleInterfaces).

#include <QRect>
#include <QString>

namespace plexus {

class PaintedItems
{
public:
    struct Item {
        QString name;        // "sda1", "slot 2", "free space"
        QString description; // "slot 0, in sync", "md0 member, 1.0 GiB"
        QRect rect;          // in the widget's coordinates
        bool current = false; // the selection's current item
        bool focused = false; // current, and the keyboard is on it
    };

    virtual ~PaintedItems() = default;
    virtual int paintedItemCount() const = 0;
    virtual Item paintedItem(int index) const = 0;
    // What a click on the item does: make it the current one.
    virtual void choosePaintedItem(int index) = 0;
};

// Tell assistive technology that the items changed, or that the keyboard moved to item `index`.
void paintedItemsChanged(QObject *widget);
void paintedItemFocused(QObject *widget, int index);

// Installs the accessibility factory for PaintedItems widgets (idempotent).
void installPaintedAccessibility();

} // namespace plexus
