// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mainwindow.h"
#include "painteditems.h"
#include "windowmenus.h"
#include "arraycard.h"
#include "arraysview.h"
#include "backuplist.h"
#include "changelogfilter.h"
#include "changelogmodel.h"
#include "changenotes.h"
#include "create/createarraydialog.h"
#include "detailspane.h"
#include "diskmapview.h"
#include "diskrow.h"
#include "engine/treesystem.h"
#include "model/locate.h"
#include "model/stoppedmembers.h"
#include "monitor/mdwatcher.h"
#include "probe/drivehealthprobe.h"
#include "operations/actionicons.h"
#include "operations/actionlauncher.h"
#include "operations/attentionbanner.h"
#include "operations/dropplanner.h"
#include "operations/reviewdialog.h"
#include "operations/unfinishedbanner.h"
#include "helperclient.h"
#include "helper1_proxy.h"
#include "partitionbar.h"
#include "pastchanges.h"
#include "probe/plannedfailures.h"
#include "model/volumedetails.h"
#include "probe/scrubschedule.h"
#include "probe/snapshotprobe.h"
#include "selectionmodel.h"
#include "shutdownholdnotice.h"
#include "slotstrip.h"
#include "themedicons.h"
#include "volumelayout.h"
#include "volumesview.h"
#include "words.h"

#include <KLocalizedString>

#include <QApplication>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMessageBox>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QSysInfo>
#include <unistd.h>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace plexus {

namespace {

QLabel *sectionHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

MainWindow::MainWindow(const QString &root, QWidget *parent)
    : QMainWindow(parent), m_root(root), m_selection(new SelectionModel(this)), m_log(new ChangeLogModel(this)), m_backups(new BackupList(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    installPaintedAccessibility(); // member tiles and partition areas as accessible children
    ensureIconTheme();
    setWindowIcon(themedIcon(QStringLiteral("plexus"), palette()));
    setWindowTitle(i18nc("the window's title; %1 is the machine's name or the directory of a captured tree", "Plexus \u2014 %1",
                         root == QLatin1String("/") ? QSysInfo::machineHostName() : root));
    // Plans are made against the machine shown: its device nodes, or the tree's.
    if (root == QLatin1String("/"))
        m_system = std::make_unique<LiveSystem>();
    else
        m_system = std::make_unique<TreeSystem>(root);
    m_launcher = new ActionLauncher(this);
    connect(m_launcher, &ActionLauncher::reviewRequested, this, &MainWindow::review);
    buildToolBar();
    connect(m_selection, &SelectionModel::currentChanged, this, &MainWindow::updateContextActions);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("overviewAndSidebar")); // its position is remembered (windowstate.h)
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildOverview());
    splitter->addWidget(buildSidebar());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    const int unit = fontMetrics().height();
    splitter->setSizes({unit * 50, unit * 26});
    // The banner sits above the scrolling views: a broken array is never scrolled away.
    m_banner = new AttentionBanner;
    connect(m_banner, &AttentionBanner::actionRequested, this, [this](const Selectable &target, const QString &id) {
        select(target.name.isEmpty() ? target.owner : QStringLiteral("%1/%2").arg(target.owner, target.name));
        m_selection->setCurrent(target);
        m_launcher->trigger(target, id);
    });
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_banner);
    // A job Plexus did not finish comes before anything else: the machine is half way.
    m_unfinished = new UnfinishedBanner;
    connect(m_unfinished, &UnfinishedBanner::reviewRequested, this, &MainWindow::review);
    connect(m_unfinished, &UnfinishedBanner::dropRequested, this, &MainWindow::confirmDrop);
    connect(m_unfinished, &UnfinishedBanner::followRequested, this, &MainWindow::followJob);
    centralLayout->insertWidget(0, m_unfinished);
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    statusBar()->addWidget(m_status, 1);
    m_shutdownHold = new ShutdownHoldNotice(this);
    statusBar()->addPermanentWidget(m_shutdownHold);
    if (root != QLatin1String("/")) {
        auto *source = new QLabel(i18nc("%1 is the directory of a captured machine tree", "Showing the tree in %1", root), this);
        source->setForegroundRole(QPalette::PlaceholderText);
        statusBar()->addPermanentWidget(source);
    }

    m_watcher = new MdWatcher(root, this);
    addWindowMenus(this, [this] { // F5: everything read again, the drives' health too
        m_driveHealth.reset();
        m_watcher->refresh();
    });
    connect(m_watcher, &MdWatcher::changed, this, &MainWindow::rereadNotified);
    // A drive's health moves with no kernel notification: UDisks tells when it read one.
    if (root == QLatin1String("/"))
        connect(new DriveHealthWatcher(this), &DriveHealthWatcher::changed, this, [this] {
            m_driveHealth.reset();
            reload();
        });
    connect(m_backups, &BackupList::changed, this, &MainWindow::showBackups);
    reload();
    refreshUnfinished();
    refreshBackups();
    m_log->append(m_snapshot->takenAt, {ChangeNote{i18nc("the first line of the changes; %1 is how many arrays, %2 how many disks", "watching %1 on %2",
                                                         i18np("%1 array", "%1 arrays", m_snapshot->arrays.size()),
                                                         i18np("%1 disk", "%1 disks", m_snapshot->disks.size())),
                                                   Tone::Neutral}});
    // What happened before the window opened, as the system journal kept it
    // (plexus-monitor.service writes it); only for this machine, not a captured tree.
    if (root == QLatin1String("/")) {
        auto *past = new PastChanges(QStringLiteral("journalctl"), this);
        connect(past, &PastChanges::loaded, this, [this, past](const QList<Event> &events, const QString &note) {
            m_log->insertPast(pastEntries(events, *m_snapshot));
            if (m_details->addHistory(events, true))
                m_details->refresh();
            if (!note.isEmpty())
                m_log->append(QDateTime::currentDateTimeUtc(), {ChangeNote{note, Tone::Neutral}});
            past->deleteLater();
        });
        past->load(HistoryQuery{});
    }
}

MainWindow::~MainWindow() = default;

PlanningContext MainWindow::planningContext() const
{
    return PlanningContext{m_snapshot, m_system.get()};
}

void MainWindow::buildToolBar()
{
    m_toolBar = addToolBar(i18nc("the title of the window's toolbar", "Actions"));
    m_toolBar->setObjectName(QStringLiteral("actionsToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_createAction = new QAction(actionIcon(QStringLiteral("createArray")), i18nc("toolbar action", "Create array\u2026"), this);
    m_createAction->setObjectName(QStringLiteral("createArrayAction"));
    m_createAction->setToolTip(i18nc("tooltip of Create array", "Create an md array; ctrl-click disks or partitions in the disk map to start with them."));
    connect(m_createAction, &QAction::triggered, this, [this] {
        QStringList devices = m_selection->chosenDevices();
        const Selectable current = m_selection->current();
        if (devices.isEmpty() && (current.kind == Selectable::Kind::Disk || current.kind == Selectable::Kind::Partition))
            devices << current.name;
        Q_EMIT createArrayRequested(devices);
    });
    m_toolBar->addAction(m_createAction);
    m_toolBar->addSeparator();
    connect(this, &MainWindow::createArrayRequested, this, &MainWindow::openCreateDialog);
}

void MainWindow::openCreateDialog(const QStringList &devices)
{
    if (m_createDialog) {
        // One at a time: a second would plan the same free disks twice.
        m_createDialog->raise();
        m_createDialog->activateWindow();
        return;
    }
    auto *dialog = new CreateArrayDialog(planningContext(), devices, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_createDialog = dialog;
    connect(this, &MainWindow::reloaded, dialog, [this, dialog] { dialog->setContext(planningContext()); });
    connect(dialog, &CreateArrayDialog::reviewRequested, this, [this, dialog](const Operation &op) {
        // The create dialog stays behind the review, as the user left it:
        // "Cancel" in the review goes back to it unchanged. It steps aside while
        // the plan runs, closes when it worked, and comes back with every choice
        // kept when the helper or polkit said no.
        ReviewDialog *reviewDialog = openReview(op);
        connect(reviewDialog, &ReviewDialog::phaseChanged, dialog, [reviewDialog, dialog] {
            switch (reviewDialog->phase()) {
            case ReviewDialog::Phase::Running: dialog->hide(); break;
            case ReviewDialog::Phase::Succeeded: dialog->close(); break;
            case ReviewDialog::Phase::Failed: dialog->show(); break;
            default: break;
            }
        });
    });
    Q_EMIT createDialogOpened(dialog);
    dialog->show();
}

void MainWindow::updateContextActions()
{
    // The toolbar offers what can be done now to the selection; the context
    // menu lists the rest with the reason it cannot.
    for (QAction *a : std::as_const(m_contextActions))
        delete a;
    m_contextActions = m_launcher->createActions(m_selection->current(), m_toolBar);
    for (QAction *a : std::as_const(m_contextActions)) {
        m_toolBar->addAction(a);
        a->setVisible(a->isEnabled());
    }
}

QMenu *MainWindow::contextMenu(const Selectable &item, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("contextMenu"));
    Selectable target = item;
    // A disk or partition in an array: what can be done to it as a member.
    if (item.kind == Selectable::Kind::Disk || item.kind == Selectable::Kind::Partition) {
        target = {};
        for (const Array *a : m_snapshot->arraysUsing(item.name))
            if (const Member *m = a->member(item.name))
                target = Selectable::member(a->name, item.name, m->slot);
    }
    m_launcher->fillMenu(menu, target);
    // A disk: what can be done to it in all its arrays at once (take it out);
    // a disk or partition holding a backup copy: refresh, open, close it.
    if ((item.kind == Selectable::Kind::Disk || item.kind == Selectable::Kind::Partition) && !actionsFor(m_launcher->context(), item).isEmpty()) {
        if (!menu->isEmpty())
            menu->addSeparator();
        m_launcher->fillMenu(menu, item);
    }
    if (item.kind == Selectable::Kind::Disk || item.kind == Selectable::Kind::Partition) {
        if (!menu->isEmpty())
            menu->addSeparator();
        menu->addAction(m_createAction);
        if (const Disk *disk = m_snapshot->diskOf(item.name)) {
            QAction *locate = menu->addAction(actionIcon(QStringLiteral("locate")), i18nc("context menu action; %1 is a disk", "Locate %1 in the machine\u2026", disk->name));
            locate->setObjectName(QStringLiteral("action-locate"));
            connect(locate, &QAction::triggered, this, [this, disk = *disk] { showLocate(disk); });
        }
    }
    return menu;
}

// Before a disk is pulled: what is printed on it and where it is plugged in.
void MainWindow::showLocate(const Disk &disk)
{
    auto *box = new QMessageBox(QMessageBox::Information, i18nc("dialog title; %1 is a disk", "Locate %1", disk.name),
                                i18nc("%1 is a disk; a list of what to look for follows", "To find %1 in the machine, look for:", disk.name), QMessageBox::Close,
                                this);
    box->setObjectName(QStringLiteral("locateDialog"));
    QString details;
    for (const LocateLine &line : locateLines(disk))
        details += line.where.isEmpty()
            ? i18nc("what to look for on a disk (%1) and its value (%2)", "<p><b>%1:</b> %2</p>", line.label.toHtmlEscaped(), line.value.toHtmlEscaped())
            : i18nc("what to look for on a disk (%1), its value (%2) and where to find it (%3)", "<p><b>%1:</b> %2<br><small>%3</small></p>",
                    line.label.toHtmlEscaped(), line.value.toHtmlEscaped(), line.where.toHtmlEscaped());
    box->setInformativeText(i18nc("what to look for on a disk (%1), then a note on its bay's light (%2)", "%1<p><small>%2</small></p>", details,
                                  bayLightNote(disk).toHtmlEscaped()));
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showContextMenu(const Selectable &item, const QPoint &globalPos)
{
    QMenu *menu = contextMenu(item, this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void MainWindow::review(const Operation &op)
{
    openReview(op);
}

ReviewDialog *MainWindow::openReview(const Operation &op)
{
    auto *dialog = new ReviewDialog(op, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The watcher shows the result live; a fixture tree (or a missed event) needs a look too.
    connect(dialog, &ReviewDialog::operationFinished, this, &MainWindow::reload);
    connect(dialog, &ReviewDialog::operationFinished, this, &MainWindow::refreshUnfinished);
    connect(dialog, &ReviewDialog::operationFinished, this, &MainWindow::refreshBackups);
    connect(dialog, &ReviewDialog::operationFinished, this, &MainWindow::refreshVolumeDetails);
    connect(dialog, &ReviewDialog::operationFinished, this, &MainWindow::refreshMdSuperblocks);
    Q_EMIT reviewOpened(dialog);
    dialog->show();
    return dialog;
}

void MainWindow::refreshUnfinished()
{
    askHelper([](HelperProxy *helper) { return helper->UnfinishedJobs(); },
              [this](const QList<QVariantMap> &jobs) { setUnfinishedJobs(jobs); });
}

void MainWindow::setUnfinishedJobs(const QList<QVariantMap> &jobs)
{
    m_unfinished->setJobs(jobs);
    const bool reviewing = !findChildren<ReviewDialog *>().isEmpty();
    for (const QVariantMap &job : jobs) {
        const QString id = job.value(QStringLiteral("job")).toString();
        if (!mayFollow(job) || m_followedJobs.contains(id))
            continue;
        m_followedJobs.insert(id);
        if (!reviewing)
            followJob(job);
    }
}

ReviewDialog *MainWindow::followJob(const QVariantMap &job)
{
    ReviewDialog *dialog = openReview(followOperation(job));
    dialog->follow(job.value(QStringLiteral("job")).toString(), job.value(QStringLiteral("states")).toStringList());
    return dialog;
}

void MainWindow::refreshBackups()
{
    askHelper([](HelperProxy *helper) { return helper->Backups(); },
              [this](const QList<QVariantMap> &records) { m_backups->setRecords(records); });
}

void MainWindow::refreshVolumeDetails()
{
    askHelper([](HelperProxy *helper) { return helper->VolumeGroups(); },
              [this](const QList<QVariantMap> &rows) {
                  m_volumeDetails = volumeGroupsFromRows(rows);
                  reload();
              });
}

void MainWindow::refreshMdSuperblocks()
{
    askHelper([](HelperProxy *helper) { return helper->MdSuperblocks(); }, [this](const QList<QVariantMap> &rows) { setMdSuperblocks(rows); });
}

void MainWindow::setMdSuperblocks(const QList<QVariantMap> &rows)
{
    QHash<QString, QString> examined;
    for (const QVariantMap &row : rows)
        examined.insert(row.value(QStringLiteral("device")).toString(), row.value(QStringLiteral("examine")).toString());
    m_system->setHelperSuperblocks(examined);
    // What may be done with those members changed: the actions are planned anew.
    m_launcher->setContext(planningContext());
    updateContextActions();
}

void MainWindow::followStoppedMembers(const Snapshot &probed)
{
    if (m_root != QLatin1String("/") || geteuid() == 0)
        return;
    QStringList stopped = stoppedMembers(probed);
    for (QString &name : stopped)
        name += QLatin1Char(':') + stoppedMemberUuid(probed, name);
    if (stopped != m_stoppedMembers) {
        m_stoppedMembers = stopped;
        refreshMdSuperblocks();
    }
}

SnapshotPtr MainWindow::withHelperVolumeDetails(const SnapshotPtr &probed)
{
    if (m_root != QLatin1String("/") || geteuid() == 0 || !holdsLvm(*probed))
        return probed;
    if (const QString shape = lvmShape(*probed); shape != m_lvmShape) {
        m_lvmShape = shape;
        refreshVolumeDetails();
    }
    return withVolumeDetails(probed, m_volumeDetails);
}

void MainWindow::askHelper(const std::function<QDBusPendingCall(HelperProxy *)> &call, const std::function<void(const QList<QVariantMap> &)> &show)
{
    if (m_root != QLatin1String("/"))
        return; // a fixture tree has no helper (tests set the lists themselves)
    if (!m_helper)
        m_helper = new HelperClient(this);
    if (!m_helper->isConnected())
        return;
    auto *watcher = new QDBusPendingCallWatcher(call(m_helper->proxy()), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [show](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QList<QVariantMap>> reply = *w;
        if (!reply.isError())
            show(reply.value());
    });
}

void MainWindow::showBackups()
{
    const DevicesByUuid devices = devicesByUuid(*m_snapshot);
    for (ArrayCard *card : m_arrays->cards())
        if (const Array *a = m_snapshot->array(card->arrayName()))
            card->setBackups(detachedCopies(*a, *m_snapshot, devices, m_backups->records(), m_system.get()), *m_snapshot);
}

void MainWindow::confirmDrop(const QString &job, const QString &words)
{
    const auto answer = QMessageBox::warning(this, i18nc("dialog title", "Drop the unfinished job?"),
                                             i18nc("%1 says what the unfinished job is and how far it got",
                                                   "%1\n\nDropping it undoes nothing: what it did stays as it is, what it did not do stays "
                                                   "undone, and it is no longer reported.",
                                                   words),
                                             QMessageBox::Cancel | QMessageBox::Discard, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard || !m_helper)
        return;
    auto *watcher = new QDBusPendingCallWatcher(m_helper->proxy()->DropJob(job), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        if (w->isError())
            QMessageBox::warning(this, i18nc("dialog title: the unfinished job was not dropped", "Not dropped"), m_helper->errorText(w->reply()));
        refreshUnfinished();
    });
}

void MainWindow::showDropHint(const QString &text, bool)
{
    if (text.isEmpty())
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(text);
}

void MainWindow::wireViews()
{
    // Cards and rows come and go with snapshots: connect the new ones (unique connections).
    const auto planner = [this](const QString &array, const MemberSlot &slot, const QString &device) {
        return planDrop(planningContext(), device, array, slot);
    };
    for (ArrayCard *card : m_arrays->cards()) {
        SlotStrip *strip = card->slotStrip();
        if (!strip->acceptDrops())
            strip->setDropPlanner(planner);
        connect(strip, &SlotStrip::dropped, this, &MainWindow::review, Qt::UniqueConnection);
        connect(strip, &SlotStrip::dropHint, this, &MainWindow::showDropHint, Qt::UniqueConnection);
        connect(card, &ArrayCard::contextMenuRequested, this, &MainWindow::showContextMenu, Qt::UniqueConnection);
    }
    for (DiskRow *row : m_disks->rows()) {
        connect(row, &DiskRow::contextMenuRequested, this, &MainWindow::showContextMenu, Qt::UniqueConnection);
        // Another disk dropped on the row takes this disk's place in every array.
        if (!row->acceptDrops()) {
            const QString disk = row->diskName();
            row->setDropPlanner([this, disk](const QString &device) { return planDiskDrop(planningContext(), device, disk); });
        }
        connect(row, &DiskRow::dropped, this, &MainWindow::review, Qt::UniqueConnection);
        connect(row, &DiskRow::dropHint, this, &MainWindow::showDropHint, Qt::UniqueConnection);
    }
}

QWidget *MainWindow::buildOverview()
{
    const int unit = fontMetrics().height();
    auto *overview = new QWidget;
    overview->setObjectName(QStringLiteral("overview"));
    m_arrays = new ArraysView(m_selection, overview);
    m_disks = new DiskMapView(m_selection, overview);
    m_volumes = new VolumesView(m_selection, overview);
    auto *layout = new QVBoxLayout(overview);
    layout->setContentsMargins(unit, unit * 2 / 3, unit, unit);
    layout->setSpacing(unit / 2);
    layout->addWidget(sectionHeading(i18nc("heading of a part of the window", "Arrays"), overview));
    layout->addWidget(m_arrays);
    layout->addSpacing(unit / 2);
    layout->addWidget(sectionHeading(i18nc("heading of a part of the window", "Disks"), overview));
    layout->addWidget(m_disks);
    layout->addSpacing(unit / 2);
    layout->addWidget(sectionHeading(i18nc("heading of a part of the window", "Volumes"), overview));
    layout->addWidget(m_volumes);
    layout->addStretch(1);

    auto *scroll = m_overviewScroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("overviewScroll"));
    scroll->setWidget(overview);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(unit * 28);
    // Keyboard focus moving through cards and disks brings them into view.
    connect(qApp, &QApplication::focusChanged, scroll, [scroll](QWidget *, QWidget *now) {
        if (now && scroll->widget()->isAncestorOf(now))
            scroll->ensureWidgetVisible(now, 0, now->fontMetrics().height());
    });
    return scroll;
}

QWidget *MainWindow::buildSidebar()
{
    const int unit = fontMetrics().height();
    m_details = new DetailsPane(m_selection);
    // Read once: distributions set it at install, and changing it is rare.
    m_details->setSchedule(readScrubSchedule(m_root));
    auto *detailsBox = new QWidget;
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(unit / 2, unit * 2 / 3, unit, unit / 2);
    detailsLayout->setSpacing(unit / 2);
    detailsLayout->addWidget(sectionHeading(i18nc("heading of a part of the window", "Details"), detailsBox));
    detailsLayout->addWidget(m_details, 1);

    // "Only md0": the Changes of what is selected (its history from the journal too).
    auto *filter = new ChangeLogFilter(this);
    filter->setSourceModel(m_log);
    auto *narrow = new QCheckBox(i18nc("show only the changes of the selected item", "Only the selection"));
    narrow->setObjectName(QStringLiteral("changesOfSelection"));
    narrow->setEnabled(false);
    narrow->setToolTip(i18nc("tooltip of Only the selection", "Show only the changes of the selected array, disk or member"));
    connect(narrow, &QCheckBox::toggled, filter, &ChangeLogFilter::setNarrowed);
    connect(m_selection, &SelectionModel::currentChanged, filter, [this, filter, narrow](const Selectable &item) {
        const bool narrowable = m_selection->snapshot() && filter->setSubject(item, *m_selection->snapshot());
        narrow->setEnabled(narrowable);
        narrow->setText(narrowable ? i18nc("show only the changes of %1, the selected item", "Only %1", item.name)
                                   : i18nc("show only the changes of the selected item", "Only the selection"));
    });
    m_logView = new QListView;
    m_logView->setObjectName(QStringLiteral("changeLog"));
    m_logView->setModel(filter);
    m_logView->setUniformItemSizes(true);
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logView->setTextElideMode(Qt::ElideRight);
    connect(m_log, &QAbstractItemModel::rowsInserted, m_logView, &QListView::scrollToBottom);
    auto *logBox = new QWidget;
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(unit / 2, unit / 2, unit, unit / 2);
    logLayout->setSpacing(unit / 3);
    auto *logHeading = new QHBoxLayout;
    logHeading->addWidget(sectionHeading(i18nc("heading of a part of the window", "Changes"), logBox));
    logHeading->addStretch(1);
    logHeading->addWidget(narrow);
    logLayout->addLayout(logHeading);
    logLayout->addWidget(m_logView, 1);

    auto *sidebar = new QSplitter(Qt::Vertical);
    sidebar->setObjectName(QStringLiteral("detailsAndChanges"));
    sidebar->setChildrenCollapsible(false);
    sidebar->addWidget(detailsBox);
    sidebar->addWidget(logBox);
    sidebar->setStretchFactor(0, 3);
    sidebar->setStretchFactor(1, 1);
    sidebar->setMinimumWidth(unit * 18);
    return sidebar;
}

SnapshotProbe MainWindow::probe()
{
    SnapshotProbe probe(m_root);
    // Drive health changes at most at UDisks' reads (every ten minutes, signalled):
    // asked once and then at each signal, not at every reload (once a second while md syncs).
    if (m_root == QLatin1String("/")) {
        if (!m_driveHealth)
            m_driveHealth = readDriveHealth();
        probe.setDriveHealth(*m_driveHealth);
    }
    return probe;
}

void MainWindow::reload()
{
    // Everything is read: what the watcher had noted is covered.
    m_watcher->takeChangedDevices();
    m_watcher->takeChangedArrays();
    QStringList warnings;
    adopt(withHelperVolumeDetails(probe().take(&warnings)), warnings);
}

void MainWindow::rereadNotified()
{
    // md's notifications (a member failing, a progress tick) re-read the arrays
    // they were about, and udev's the disks that came or went, and nothing
    // else: reading every disk's udev record would make each of them cost in
    // proportion to the machine. A refresh reads everything.
    const std::optional<QSet<QString>> devices = m_watcher->takeChangedDevices();
    const std::optional<QSet<QString>> arrays = m_watcher->takeChangedArrays();
    if (!devices || !m_snapshot) {
        reload();
        return;
    }
    QStringList warnings;
    const SnapshotProbe probe = this->probe();
    SnapshotPtr next = probe.takeArrays(*m_snapshot, arrays, &warnings);
    if (!devices->isEmpty())
        next = probe.takeDevices(*next, *devices, &warnings);
    next = withHelperVolumeDetails(next);
    if (warnings.isEmpty() && onlyProgressMoved(*m_snapshot, *next))
        showProgress(next);
    else
        adopt(next, warnings);
}

void MainWindow::adopt(const SnapshotPtr &next, const QStringList &warnings)
{
    followStoppedMembers(*next);
    const bool first = !m_snapshot;
    if (m_snapshot)
        logEvents(*m_snapshot, *next);
    logWarnings(warnings);
    showSnapshot(next);
    refreshShutdownHold();
    // Open on the array that most needs a look, so the details pane starts useful.
    if (first && !m_arrays->cards().isEmpty())
        m_selection->setCurrent(Selectable::array(m_arrays->cards().first()->arrayName()));
    Q_EMIT reloaded();
}

void MainWindow::showProgress(const SnapshotPtr &next)
{
    const SnapshotPtr before = m_snapshot;
    m_snapshot = next;
    m_selection->setSnapshot(next);
    m_launcher->setContext(planningContext());
    const QString shownArray = arrayOf(m_selection->current());
    bool detailsMoved = false;
    // Only md's numbers moved: the events (a rebuild passing a whole percent)
    // are those of the arrays that moved, not of the whole machine's.
    Snapshot was, now;
    was.takenAt = before->takenAt;
    now.takenAt = next->takenAt;
    for (const Array &a : next->arrays) {
        const Array *then = before->array(a.name);
        if (!then || then->sync == a.sync)
            continue;
        was.arrays << *then;
        now.arrays << a;
        if (ArrayCard *card = m_arrays->card(a.name))
            card->setProgress(a);
        detailsMoved = detailsMoved || a.name == shownArray;
    }
    const bool historyMoved = logEvents(was, now);
    if (detailsMoved || historyMoved)
        m_details->refresh();
    updateStatus();
    refreshShutdownHold();
    Q_EMIT reloaded();
}

bool MainWindow::logEvents(const Snapshot &before, const Snapshot &after)
{
    QList<Event> events = deriveEvents(before, after);
    markPlanned(&events, m_root);
    m_log->append(after.takenAt, eventNotes(events, before, after));
    return m_details->addHistory(events, false);
}

void MainWindow::refreshShutdownHold()
{
    // Whether shutdown is held off changes only while md works, or when it ends.
    const bool working = std::any_of(m_snapshot->arrays.cbegin(), m_snapshot->arrays.cend(), [](const Array &a) { return a.sync.has_value(); });
    if (m_root == QLatin1String("/") && (working || m_shutdownHold->isVisible()))
        m_shutdownHold->refresh();
}

bool MainWindow::select(const QString &item)
{
    const QString array = item.section(QLatin1Char('/'), 0, 0);
    const QString device = item.section(QLatin1Char('/'), 1);
    const Array *a = m_snapshot->array(array);
    if (!a)
        return false;
    if (device.isEmpty()) {
        m_selection->setCurrent(Selectable::array(array));
    } else {
        const Member *m = a->member(device);
        if (!m)
            return false;
        m_selection->setCurrent(Selectable::member(array, device, m->slot));
    }
    // Into view once the layout has placed the cards (right after show()).
    QTimer::singleShot(0, this, [this, array] {
        if (ArrayCard *card = m_arrays->card(array))
            m_overviewScroll->ensureWidgetVisible(card);
    });
    return true;
}

void MainWindow::showSnapshot(const SnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    m_selection->setSnapshot(snapshot);
    m_arrays->setSnapshot(*snapshot);
    m_disks->setSnapshot(*snapshot);
    m_volumes->setSnapshot(*snapshot);
    m_details->refresh();
    m_banner->setSnapshot(*snapshot);
    m_launcher->setContext(planningContext());
    showBackups();
    wireViews();
    updateContextActions();
    updateStatus();
    updateTabOrder();
}

void MainWindow::changeEvent(QEvent *event)
{
    // A new theme: redraw icons and colours from the same snapshot.
    if (event->type() == QEvent::PaletteChange && m_snapshot)
        showSnapshot(m_snapshot);
    QMainWindow::changeEvent(event);
}

void MainWindow::logWarnings(const QStringList &warnings)
{
    QList<ChangeNote> fresh;
    for (const QString &w : warnings)
        if (!m_seenWarnings.contains(w)) {
            m_seenWarnings.insert(w);
            fresh << ChangeNote{w, Tone::Warning};
        }
    m_log->append(QDateTime::currentDateTimeUtc(), fresh);
}

void MainWindow::updateStatus()
{
    const Snapshot &s = *m_snapshot;
    int attention = 0;
    for (const Array &a : s.arrays)
        if (arrayTone(a) == Tone::Bad || arrayTone(a) == Tone::Warning)
            ++attention;
    QString arrays = i18np("%1 array", "%1 arrays", s.arrays.size());
    if (attention > 0)
        arrays = i18ncp("how many arrays (%2) and how many of them need attention (%1)", "%2 (%1 needs attention)", "%2 (%1 need attention)", attention,
                        arrays);
    m_status->setText(i18nc("the status bar: how many arrays (%1), disks (%2) and volume groups (%3), and when they were read (%4)",
                            "%1 \u00b7 %2 \u00b7 %3 \u2014 updated %4", arrays, i18np("%1 disk", "%1 disks", s.disks.size()),
                            i18np("%1 volume group", "%1 volume groups", s.volumeGroups.size()),
                            s.takenAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
}

void MainWindow::updateTabOrder()
{
    // Cards and disk rows come and go: keep Tab going top to bottom, then the sidebar.
    QList<QWidget *> chain;
    for (ArrayCard *card : m_arrays->cards())
        chain << card;
    for (DiskRow *row : m_disks->rows())
        chain << row->bar();
    for (VolumeLayout *group : m_volumes->groups())
        chain << group;
    chain << m_details->view() << m_logView;
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

} // namespace plexus
