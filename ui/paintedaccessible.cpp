// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The accessible side of PaintedItems: the widget is a list, each painted item
// a list item of it. Item interfaces hold the widget and an index, and ask the
// widget each time, so a new snapshot needs no bookkeeping here; they are made
// on first use and live as long as the widget's interface (as Qt's own item
// views do with their cells).

#include "painteditems.h"

#include <QAccessibleWidget>
#include <QContextMenuEvent>
#include <QHash>
#include <QPointer>
#include <QWidget>
#include <QWindow>

namespace plexus {

namespace {

class PaintedItemAccessible : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    PaintedItemAccessible(QWidget *widget, PaintedItems *items, int index) : m_widget(widget), m_items(items), m_index(index) {}

    bool isValid() const override { return m_widget && m_index < m_items->paintedItemCount(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_widget ? m_widget->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_widget.data()); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    void setText(QAccessible::Text, const QString &) override {}

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        switch (t) {
        case QAccessible::Name: return item().name;
        case QAccessible::Description: return item().description;
        default: return {};
        }
    }

    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect r = item().rect;
        return QRect(m_widget->mapToGlobal(r.topLeft()), r.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!isValid()) {
            s.invalid = true;
            return s;
        }
        const PaintedItems::Item i = item();
        s.focusable = true;
        s.selectable = true;
        s.selected = i.current;
        s.focused = i.focused;
        s.invisible = !m_widget->isVisible();
        return s;
    }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this) : nullptr;
    }

    QStringList actionNames() const override { return {pressAction(), setFocusAction(), showMenuAction()}; }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

    void doAction(const QString &name) override
    {
        if (!isValid())
            return;
        m_widget->setFocus(Qt::OtherFocusReason);
        m_items->choosePaintedItem(m_index);
        if (name == showMenuAction()) {
            // As the menu key would: the widget (or the card around it) opens the current item's menu.
            const QPoint at = item().rect.center();
            QContextMenuEvent event(QContextMenuEvent::Keyboard, at, m_widget->mapToGlobal(at));
            QCoreApplication::sendEvent(m_widget.data(), &event);
        }
    }

private:
    PaintedItems::Item item() const { return m_items->paintedItem(m_index); }

    QPointer<QWidget> m_widget;
    PaintedItems *m_items;
    int m_index;
};

class PaintedItemsAccessible : public QAccessibleWidget
{
public:
    PaintedItemsAccessible(QWidget *widget, PaintedItems *items) : QAccessibleWidget(widget, QAccessible::List), m_items(items) {}

    ~PaintedItemsAccessible() override
    {
        for (QAccessible::Id id : std::as_const(m_children))
            QAccessible::deleteAccessibleInterface(id);
    }

    // The painting widgets have no child widgets: their children are the items.
    int childCount() const override { return m_items->paintedItemCount(); }

    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        if (const auto id = m_children.value(index))
            return QAccessible::accessibleInterface(id);
        auto *item = new PaintedItemAccessible(widget(), m_items, index);
        m_children.insert(index, QAccessible::registerAccessibleInterface(item));
        return item;
    }

    int indexOfChild(const QAccessibleInterface *child) const override
    {
        // Only the interfaces handed out here: QAccessible::uniqueId() would
        // register one it has not seen.
        for (auto it = m_children.cbegin(); it != m_children.cend(); ++it)
            if (QAccessible::accessibleInterface(it.value()) == child)
                return it.key() < childCount() ? it.key() : -1;
        return -1;
    }

    QAccessibleInterface *focusChild() const override
    {
        for (int i = 0; i < childCount(); ++i)
            if (m_items->paintedItem(i).focused)
                return child(i);
        return nullptr;
    }

    QAccessibleInterface *childAt(int x, int y) const override
    {
        const QPoint local = widget()->mapFromGlobal(QPoint(x, y));
        for (int i = 0; i < childCount(); ++i)
            if (m_items->paintedItem(i).rect.contains(local))
                return child(i);
        return nullptr;
    }

private:
    PaintedItems *m_items;
    mutable QHash<int, QAccessible::Id> m_children;
};

QAccessibleInterface *paintedItemsFactory(const QString &, QObject *object)
{
    auto *widget = qobject_cast<QWidget *>(object);
    auto *items = dynamic_cast<PaintedItems *>(object);
    return widget && items ? new PaintedItemsAccessible(widget, items) : nullptr;
}

} // namespace

void installPaintedAccessibility()
{
    QAccessible::installFactory(paintedItemsFactory); // Qt ignores a second install
}

void paintedItemsChanged(QObject *widget)
{
    if (!QAccessible::isActive())
        return; // nobody listens: costs nothing
    QAccessibleEvent event(widget, QAccessible::ObjectReorder);
    QAccessible::updateAccessibility(&event);
}

void paintedItemFocused(QObject *widget, int index)
{
    if (!QAccessible::isActive() || index < 0)
        return;
    QAccessibleEvent event(widget, QAccessible::Focus);
    event.setChild(index);
    QAccessible::updateAccessibility(&event);
}

} // namespace plexus
