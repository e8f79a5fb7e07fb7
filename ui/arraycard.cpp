// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "arraycard.h"
#include "backupchips.h"
#include "disksegments.h"
#include "levelpicture.h"
#include "memberslots.h"
#include "model/describe.h"
#include "slotstrip.h"
#include "words.h"

#include <KLocalizedString>

#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QTime>
#include <QVBoxLayout>

#include <cmath>

namespace plexus {

namespace {

int em(const QWidget *w) { return w->fontMetrics().height(); }

QLabel *makeLabel(const QString &name, QWidget *parent, bool wrap = false)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(wrap);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString sentenceCase(QString s)
{
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

// "RAID-5 · striped with parity · 4 drives".
QString dotted(const QStringList &parts)
{
    return joinedList(parts, ki18nc("facts about an array: those so far (%1), then the next one (%2)", "%1 \u00b7 %2"));
}

QString useText(const Array &a, const Snapshot &snapshot)
{
    const DiskSegment role = blockDeviceRole(a.name, QString(), QString(), snapshot);
    if (role.role == SegmentRole::Other)
        return i18nc("what uses an array", "Not mounted, not in a volume group");
    return i18nc("what uses an array; %1 is, for example, \"/home (ext4)\"", "Used as %1", role.roleText);
}

QString levelLine(const Array &a)
{
    if (!a.level) // not running: md knows the level only once the array starts
        return i18ncp("a stopped array", "Level known once started \u00b7 %1 device", "Level known once started \u00b7 %1 devices", a.members.size());
    QStringList parts{levelTitle(a.level)};
    const QString organisation = levelOrganisation(a.level);
    if (!organisation.isEmpty())
        parts << organisation;
    if (a.raidDisks)
        parts << i18ncp("how many drives an array spans", "%1 drive", "%1 drives", *a.raidDisks);
    if (a.chunkKib && a.level != QLatin1String("linear"))
        parts << i18nc("an array's chunk size, such as 512 KiB", "%1 chunks", humanSize(qint64(*a.chunkKib) * 1024));
    return dotted(parts);
}

} // namespace

ArrayCard::ArrayCard(const QString &array, SelectionModel *selection, QWidget *parent)
    : QFrame(parent), m_array(array), m_selection(selection)
{
    setObjectName(QStringLiteral("card-%1").arg(array));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    const int unit = em(this);

    m_picture = new LevelPicture(this);
    m_title = makeLabel(QStringLiteral("title"), this);
    m_title->setText(array);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_size = makeLabel(QStringLiteral("size"), this);
    QFont sizeFont = m_size->font();
    sizeFont.setPointSizeF(sizeFont.pointSizeF() * 1.1);
    m_size->setFont(sizeFont);
    m_level = makeLabel(QStringLiteral("level"), this, true);
    m_level->setForegroundRole(QPalette::PlaceholderText);
    m_health = makeLabel(QStringLiteral("health"), this, true);
    QFont healthFont = m_health->font();
    healthFont.setBold(true);
    m_health->setFont(healthFont);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1000); // tenths of a percent, as the kernel counts
    m_progress->setTextVisible(true);
    m_progressText = makeLabel(QStringLiteral("progressText"), this, true);
    m_slots = new SlotStrip(selection, this);
    m_backups = new BackupChips(this);
    m_backups->hide();
    m_dropHint = makeLabel(QStringLiteral("dropHint"), this, true);
    m_dropHint->hide();
    m_use = makeLabel(QStringLiteral("use"), this, true);
    m_use->setForegroundRole(QPalette::PlaceholderText);

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(unit / 2);
    titleRow->addWidget(m_title);
    titleRow->addStretch(1);
    titleRow->addWidget(m_size, 0, Qt::AlignBottom);
    auto *heading = new QVBoxLayout;
    heading->setSpacing(unit / 8);
    heading->addLayout(titleRow);
    heading->addWidget(m_level);
    auto *header = new QHBoxLayout;
    header->setSpacing(unit * 2 / 3);
    header->addWidget(m_picture, 0, Qt::AlignTop);
    header->addLayout(heading, 1);

    auto *layout = new QVBoxLayout(this);
    // The left margin leaves room for the state stripe.
    layout->setContentsMargins(unit, unit * 2 / 3, unit * 2 / 3, unit * 2 / 3);
    layout->setSpacing(unit / 2);
    layout->addLayout(header);
    layout->addWidget(m_health);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressText);
    layout->addWidget(m_slots);
    layout->addWidget(m_dropHint);
    layout->addWidget(m_backups);
    layout->addStretch(1); // a card taller than it needs (its row neighbour is) keeps its top together
    layout->addWidget(m_use);

    connect(m_slots, &SlotStrip::slotClicked, this, [this](int index) {
        setFocus(Qt::MouseFocusReason);
        setCurrentSlot(index);
    });
    connect(m_slots, &SlotStrip::dropHint, this, &ArrayCard::showDropHint);
    connect(m_backups, &BackupChips::copyChosen, m_selection, &SelectionModel::setCurrent);
    connect(m_backups, &BackupChips::contextMenuRequested, this, &ArrayCard::contextMenuRequested);
    connect(m_selection, &SelectionModel::highlightChanged, this, qOverload<>(&QWidget::update));
}

// While a disk is dragged over a slot: the whole reason (or what the drop
// does) under the slots, in words, before the user lets go.
void ArrayCard::showDropHint(const QString &text, bool accepted)
{
    m_dropHint->setText(text);
    QPalette pal = m_dropHint->palette();
    pal.setColor(QPalette::WindowText, accepted ? palette().color(QPalette::Text)
                                                : mix(toneColor(Tone::Bad, palette()), palette().color(QPalette::Text), 0.2));
    m_dropHint->setPalette(pal);
    m_dropHint->setVisible(!text.isEmpty());
}

void ArrayCard::contextMenuEvent(QContextMenuEvent *event)
{
    // A right click on a slot pressed it already; the keyboard's menu key means the current item.
    if (event->reason() == QContextMenuEvent::Mouse) {
        const QPoint inStrip = m_slots->mapFrom(this, event->pos());
        const int index = m_slots->rect().contains(inStrip) ? m_slots->indexAt(inStrip) : -1;
        setFocus(Qt::MouseFocusReason);
        setCurrentSlot(index);
    }
    Q_EMIT contextMenuRequested(currentSelectable(), event->globalPos());
    event->accept();
}

void ArrayCard::setArray(const Array &a, const Snapshot &snapshot)
{
    // A member's drive warning of its own health: the array is at risk before md knows.
    const QStringList atRisk = snapshot.disksAtRisk(a);
    // At most snapshots most arrays are as they were: their cards are left alone.
    Shown shown{a, atRisk, useText(a, snapshot), palette().cacheKey(), font().key()};
    if (m_shown == shown)
        return;
    m_shown = shown;
    const Tone mdTone = arrayTone(a);
    m_tone = !atRisk.isEmpty() && mdTone == Tone::Good ? Tone::Warning : mdTone;
    const QList<MemberSlot> slots = memberSlots(a);
    m_picture->setArray(a.level, slots);
    m_size->setText(a.sizeKib ? humanSize(*a.sizeKib * 1024) : QString());
    m_level->setText(levelLine(a));
    showHealth(a, atRisk);
    showProgress(a);
    m_slots->setSlots(a.name, slots);
    m_use->setText(shown.use);
    if (m_currentSlot >= slots.size())
        m_currentSlot = int(slots.size()) - 1;
    update();
}

void ArrayCard::setProgress(const Array &a)
{
    if (!m_shown || m_shown->array.name != a.name)
        return;
    m_shown->array = a;
    showHealth(a, m_shown->atRisk); // it says the rate and the time left
    showProgress(a);
}

void ArrayCard::showHealth(const Array &a, const QStringList &atRisk)
{
    const Tone mdTone = arrayTone(a);
    QString health = arrayHealth(a);
    if (!atRisk.isEmpty()) {
        QString disks = atRisk.first();
        for (qsizetype i = 1; i < atRisk.size(); ++i)
            disks = i18nc("a list of disks: those so far (%1), then the next one (%2)", "%1, %2", disks, atRisk[i]);
        const QString warning = i18ncp("%2 is a disk or a list of disks whose drives warn of their health", "%2 warns it may fail", "%2 warn it may fail",
                                       atRisk.size(), disks);
        // md still calls it healthy: the warning is the news. Otherwise it adds to md's.
        health = mdTone == Tone::Good ? i18nc("an array md calls healthy; %1 is why it is at risk", "At risk: %1", warning)
                                      : i18nc("an array's health (%1), then why it is at risk (%2)", "%1 \u00b7 %2", health, warning);
    }
    m_health->setText(health);
    QPalette healthPalette = m_health->palette();
    healthPalette.setColor(QPalette::WindowText, mix(toneColor(m_tone, palette()), palette().color(QPalette::Text), 0.15));
    m_health->setPalette(healthPalette);
    setAccessibleName(i18nc("an array (%1), its RAID level (%2) and its health (%3)", "%1, %2, %3", a.name, levelTitle(a.level), m_health->text()));
}

void ArrayCard::setBackups(const QList<DetachedCopy> &copies, const Snapshot &snapshot)
{
    m_backups->setCopies(copies, snapshot);
}

void ArrayCard::showProgress(const Array &a)
{
    if (!a.sync) {
        m_progress->hide();
        m_progressText->hide();
        return;
    }
    const SyncProgress &s = *a.sync;
    m_progress->setVisible(s.percent.has_value());
    if (s.percent) {
        // QProgressBar::setValue() repaints at once (7 ms with 64 cards on
        // screen): the window's next paint draws it instead.
        m_progress->setUpdatesEnabled(false);
        m_progress->setValue(int(std::lround(*s.percent * 10)));
        m_progress->setFormat(i18nc("the progress of md's work, in percent", "%1%", QString::number(*s.percent, 'f', 1)));
        m_progress->setUpdatesEnabled(true); // schedules its update()
        QPalette barPalette = palette();
        barPalette.setColor(QPalette::Highlight, toneColor(m_tone, palette()));
        m_progress->setPalette(barPalette);
    }
    QStringList parts{sentenceCase(toString(s.action))};
    if (s.status == SyncStatus::Delayed)
        parts << i18nc("md's work on an array", "waiting for another array on the same disks");
    else if (s.status == SyncStatus::Pending)
        parts << i18nc("md's work on an array", "pending, starts with the first write");
    if (s.doneKib && s.totalKib)
        parts << i18nc("how much md has done (%1) of all it has to do (%2)", "%1 of %2", humanSize(*s.doneKib * 1024), humanSize(*s.totalKib * 1024));
    // The health line says the rate and time left; here, when it ends by the clock.
    if (s.finishMinutes && s.status == SyncStatus::Running)
        parts << i18nc("when md's work ends; %1 is a time of day", "done around %1",
                       QTime::currentTime().addSecs(int(*s.finishMinutes * 60)).toString(QStringLiteral("HH:mm")));
    m_progressText->setText(dotted(parts));
    m_progressText->show();
}

Selectable ArrayCard::currentSelectable() const
{
    return m_currentSlot < 0 ? Selectable::array(m_array) : m_slots->selectableAt(m_currentSlot);
}

void ArrayCard::setCurrentSlot(int index)
{
    m_currentSlot = qBound(-1, index, int(m_slots->slots().size()) - 1);
    m_slots->setCurrentIndex(m_currentSlot);
    m_slots->setFocusShown(hasFocus() && m_currentSlot >= 0);
    m_selection->setCurrent(currentSelectable());
    update();
}

void ArrayCard::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        if (m_currentSlot < 0) {
            event->ignore(); // on to the previous card
            return;
        }
        setCurrentSlot(m_currentSlot - 1);
        break;
    case Qt::Key_Right:
        if (m_currentSlot >= m_slots->slots().size() - 1) {
            event->ignore(); // on to the next card
            return;
        }
        setCurrentSlot(m_currentSlot + 1);
        break;
    case Qt::Key_Home: setCurrentSlot(-1); break;
    case Qt::Key_End: setCurrentSlot(int(m_slots->slots().size()) - 1); break;
    default: QFrame::keyPressEvent(event); return; // Up/Down go to the neighbouring card
    }
}

void ArrayCard::focusInEvent(QFocusEvent *event)
{
    if (event->reason() != Qt::MouseFocusReason)
        setCurrentSlot(m_currentSlot);
    m_slots->setFocusShown(m_currentSlot >= 0);
    QFrame::focusInEvent(event);
    update();
}

void ArrayCard::focusOutEvent(QFocusEvent *event)
{
    m_slots->setFocusShown(false);
    QFrame::focusOutEvent(event);
    update();
}

void ArrayCard::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    setCurrentSlot(-1);
    QFrame::mousePressEvent(event);
}

void ArrayCard::enterEvent(QEnterEvent *event)
{
    m_selection->setHovered(Selectable::array(m_array));
    QFrame::enterEvent(event);
}

void ArrayCard::leaveEvent(QEvent *event)
{
    m_selection->unhover(Selectable::array(m_array));
    QFrame::leaveEvent(event);
}

void ArrayCard::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const int unit = em(this);
    const qreal radius = unit * 0.45;
    const QRectF box = QRectF(rect()).adjusted(1, 1, -1, -1);
    const bool current = m_selection->current() == Selectable::array(m_array);
    const bool lit = m_selection->isLit(m_array);
    const QColor highlight = pal.color(QPalette::Highlight);

    QPainterPath shape;
    shape.addRoundedRect(box, radius, radius);
    QColor background = pal.color(QPalette::Base);
    if (current)
        background = mix(background, highlight, 0.08);
    p.fillPath(shape, background);
    // The state stripe down the left edge: the colour that says how the array is.
    p.save();
    p.setClipPath(shape);
    p.fillRect(QRectF(box.left(), box.top(), qMax(4, unit / 4), box.height()), toneColor(m_tone, pal));
    p.restore();
    const bool strong = current || lit;
    p.setPen(QPen(strong ? highlight : mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.8), strong ? 2 : 1));
    p.setBrush(Qt::NoBrush);
    p.drawPath(shape);
    if (hasFocus() && m_currentSlot < 0) {
        p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
        p.drawRoundedRect(box.adjusted(4, 4, -4, -4), radius * 0.7, radius * 0.7);
    }
}

} // namespace plexus
