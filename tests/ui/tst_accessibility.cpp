// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The main window as a screen reader and a keyboard user meet it: the
// accessibility tree names every member of every array and every area of
// every disk, with its state, where it is drawn; picking an item through its
// accessible action selects it; and the keyboard alone reaches a failed member
// and opens the review of its replacement.
#include "arraycard.h"
#include "arraysview.h"
#include "disksegments.h"
#include "slotstrip.h"
#include "operations/devicepicker.h"
#include "operations/reviewdialog.h"
#include "operationsmachine.h"
#include "selectionmodel.h"

#include <QAccessible>
#include <QApplication>
#include <QContextMenuEvent>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace plexus;
using namespace plexus::test;

namespace {

// One accessible object as a screen reader lists it, with the names of all its ancestors.
struct Node {
    QAccessible::Role role;
    QString name;
    QString description;
    QAccessible::State state;
    QRect rect;
    QRect parentRect;
    QStringList ancestors;
    QAccessibleInterface *iface;
};

void walk(QAccessibleInterface *iface, QStringList ancestors, QList<Node> &out)
{
    const QString name = iface->text(QAccessible::Name);
    for (int i = 0; i < iface->childCount(); ++i) {
        QAccessibleInterface *child = iface->child(i);
        if (!child || child->state().invisible)
            continue;
        out << Node{child->role(), child->text(QAccessible::Name), child->text(QAccessible::Description), child->state(),
                    child->rect(), iface->rect(), ancestors + QStringList{name}, child};
        walk(child, ancestors + QStringList{name}, out);
    }
}

QList<Node> accessibleTree(QWidget *window)
{
    QList<Node> nodes;
    walk(QAccessible::queryAccessibleInterface(window), {}, nodes);
    return nodes;
}

// The list item named `name` inside something whose name starts with `within`.
const Node *findItem(const QList<Node> &nodes, const QString &name, const QString &within)
{
    for (const Node &n : nodes)
        if (n.role == QAccessible::ListItem && n.name == name
            && std::any_of(n.ancestors.begin(), n.ancestors.end(), [&](const QString &a) { return a.startsWith(within); }))
            return &n;
    return nullptr;
}

// The menu key as the platform plugins (xcb, wayland) deliver it: the key,
// then a keyboard context menu event for the focus widget. The offscreen
// platform of the tests sends only the key.
void pressMenuKey(QWindow *window)
{
    QTest::keyClick(window, Qt::Key_Menu);
    QWidget *focus = QApplication::focusWidget();
    const QPoint at = focus->rect().center();
    QContextMenuEvent event(QContextMenuEvent::Keyboard, at, focus->mapToGlobal(at));
    QApplication::sendEvent(focus, &event);
}

ArrayCard *cardOf(MainWindow &w, const QString &array)
{
    for (ArrayCard *c : w.arraysView()->cards())
        if (c->arrayName() == array)
            return c;
    return nullptr;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QApplication::setStyle(QStringLiteral("Fusion")); }

    // Every member slot of every array and every area of every disk is an
    // accessible item: named as on screen, its state in the description, and
    // drawn inside the strip or bar that holds it.
    void treeNamesEveryMemberAndPartition()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QList<Node> nodes = accessibleTree(&w);

        int members = 0;
        for (const Array &a : m.snapshot->arrays) {
            for (const MemberSlot &s : memberSlots(a)) {
                const QString name = s.name();
                const Node *n = findItem(nodes, name, a.name + QLatin1Char(','));
                QVERIFY2(n, qPrintable(QStringLiteral("no accessible item %1 in the card of %2").arg(name, a.name)));
                QVERIFY2(n->description.contains(s.stateText()), qPrintable(n->description));
                QVERIFY2(!n->rect.isEmpty() && n->parentRect.contains(n->rect), qPrintable(name));
                ++members;
            }
        }
        QCOMPARE(members, 9); // md0: 2 + spare, md1: 2 + empty slot + faulty, md2: 1 + empty slot

        int areas = 0;
        for (const Disk &d : m.snapshot->disks) {
            for (const DiskSegment &seg : diskSegments(d, *m.snapshot)) {
                const QString name = seg.isFree() ? QStringLiteral("free space") : seg.device;
                const Node *n = findItem(nodes, name, QStringLiteral("Disk %1").arg(d.name));
                QVERIFY2(n, qPrintable(QStringLiteral("no accessible item %1 on disk %2").arg(name, d.name)));
                QVERIFY2(n->description.startsWith(seg.roleText), qPrintable(n->description));
                QVERIFY2(!n->rect.isEmpty() && n->parentRect.contains(n->rect), qPrintable(name));
                ++areas;
            }
        }
        QVERIFY(areas >= 14);

        // What a listener hears for the states that matter.
        QCOMPARE(findItem(nodes, QStringLiteral("sdc2"), QStringLiteral("md1,"))->description, QStringLiteral("faulty"));
        QCOMPARE(findItem(nodes, QStringLiteral("sdd1"), QStringLiteral("md0,"))->description, QStringLiteral("spare"));
        QCOMPARE(findItem(nodes, QStringLiteral("slot 1"), QStringLiteral("md2,"))->description, QStringLiteral("missing"));
        QCOMPARE(findItem(nodes, QStringLiteral("sda1"), QStringLiteral("md0,"))->description, QStringLiteral("slot 0, in sync"));
        QVERIFY(findItem(nodes, QStringLiteral("sdc2"), QStringLiteral("Disk sdc"))->description.startsWith(QStringLiteral("md1 member, faulty, ")));
        QVERIFY(findItem(nodes, QStringLiteral("free space"), QStringLiteral("Disk sde")));
    }

    // An assistive tool presses an item: it becomes the selection, and the
    // tree says so (selected; focused where the keyboard now is).
    void pressingAnItemSelectsIt()
    {
        Machine m;
        MainWindow &w = m.window();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));

        QList<Node> nodes = accessibleTree(&w);
        const Node *sdc2 = findItem(nodes, QStringLiteral("sdc2"), QStringLiteral("md1,"));
        QVERIFY(sdc2 && !sdc2->state.selected);
        QVERIFY(sdc2->iface->actionInterface()->actionNames().contains(QAccessibleActionInterface::pressAction()));
        sdc2->iface->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
        QCOMPARE(w.selection()->current().kind, Selectable::Kind::Member);
        QCOMPARE(w.selection()->current().name, QStringLiteral("sdc2"));
        QVERIFY(sdc2->iface->state().selected);

        const Node *sda3 = findItem(nodes, QStringLiteral("sda3"), QStringLiteral("Disk sda"));
        QVERIFY(sda3);
        sda3->iface->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
        QCOMPARE(w.selection()->current(), Selectable::partition(QStringLiteral("sda3")));
        QVERIFY(sda3->iface->state().selected);
        QTRY_VERIFY(sda3->iface->state().focused);
        QCOMPARE(sda3->iface->parent()->focusChild(), sda3->iface);
        QVERIFY(!sdc2->iface->state().selected);
    }

    // No mouse: Tab to the degraded array, arrows to the failed member (the
    // tree's focus follows), the menu key, "Replace sdc2 with…", arrows to a
    // blank disk, Return: the review of that replacement opens.
    void keyboardAloneReplacesAFailedMember()
    {
        Machine m;
        MainWindow &w = m.window();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QWindow *window = w.windowHandle();

        ArrayCard *md1 = cardOf(w, QStringLiteral("md1"));
        QVERIFY(md1);
        for (int i = 0; i < 40 && QApplication::focusWidget() != md1; ++i)
            QTest::keyClick(window, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), md1);
        for (int i = 0; i < 8 && w.selection()->current().name != QLatin1String("sdc2"); ++i)
            QTest::keyClick(window, Qt::Key_Right);
        QCOMPARE(w.selection()->current().kind, Selectable::Kind::Member);
        QCOMPARE(w.selection()->current().name, QStringLiteral("sdc2"));
        QAccessibleInterface *strip = QAccessible::queryAccessibleInterface(md1->slotStrip());
        QVERIFY(strip->focusChild());
        QCOMPARE(strip->focusChild()->text(QAccessible::Name), QStringLiteral("sdc2"));

        pressMenuKey(window);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
        for (int i = 0; i < 10 && !(menu->activeAction() && menu->activeAction()->objectName() == QLatin1String("action-replace")); ++i)
            QTest::keyClick(menu, Qt::Key_Down);
        QCOMPARE(menu->activeAction()->text(), QStringLiteral("Replace sdc2 with\u2026"));
        QTest::keyClick(menu, Qt::Key_Return);

        DevicePicker *picker = nullptr;
        QTRY_VERIFY((picker = w.findChild<DevicePicker *>()) && picker->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), picker->list());
        for (int i = 0; i < 6 && !(picker->list()->currentItem() && picker->list()->currentItem()->text().startsWith(QLatin1String("sde "))); ++i)
            QTest::keyClick(picker->list(), Qt::Key_Down);
        QVERIFY(picker->list()->currentItem()->text().startsWith(QLatin1String("sde ")));
        QSignalSpy opened(&w, &MainWindow::reviewOpened);
        QTest::keyClick(picker->list(), Qt::Key_Return);
        QTRY_COMPARE(opened.size(), 1);
        auto *review = opened.first().first().value<ReviewDialog *>();
        QCOMPARE(review->operation().title, QStringLiteral("Replace sdc2 in md1 with sde"));
        review->close();
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
