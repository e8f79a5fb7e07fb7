// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The main window: arrays (most urgent first), the disk map and LVM volumes
// on the left; details of the selection and the log of changes on the right.
// Everything drawn comes from one Snapshot; when the watcher says md changed,
// the window takes a new one, logs the events between the two (the backend's
// typed events, monitor/events.h) and updates every view.
// Changes start here too: the toolbar and context menus offer the actions of
// the selected array or member, disks dragged onto member slots plan a
// replacement, and every Operation opens the review dialog before it runs.

#include "model/snapshot.h"
#include "operations/operation.h"
#include "selectionmodel.h"

#include <QMainWindow>
#include <QPointer>
#include <QHash>
#include <QSet>
#include <functional>
#include <memory>
#include <optional>

class HelperProxy;
class QLabel;
class QListView;
class QMenu;
class QScrollArea;
class QToolBar;

namespace plexus {

class ActionLauncher;
class BackupList;
class ArraysView;
class AttentionBanner;
class HelperClient;
class UnfinishedBanner;
class ChangeLogModel;
class CreateArrayDialog;
class DetailsPane;
class DiskMapView;
class MdWatcher;
class ReviewDialog;
class ShutdownHoldNotice;
class SnapshotProbe;
class LiveSystem;
class VolumesView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_MOC_INCLUDE("operations/reviewdialog.h")
    Q_MOC_INCLUDE("create/createarraydialog.h")
public:
    // root "/" is this machine; any other directory is a fixture tree.
    explicit MainWindow(const QString &root = QStringLiteral("/"), QWidget *parent = nullptr);
    ~MainWindow() override;

    SnapshotPtr snapshot() const { return m_snapshot; }
    MdWatcher *watcher() const { return m_watcher; }
    SelectionModel *selection() const { return m_selection; }
    ArraysView *arraysView() const { return m_arrays; }
    DiskMapView *diskMap() const { return m_disks; }
    VolumesView *volumesView() const { return m_volumes; }
    DetailsPane *detailsPane() const { return m_details; }
    ChangeLogModel *changeLog() const { return m_log; }
    AttentionBanner *banner() const { return m_banner; }
    UnfinishedBanner *unfinishedBanner() const { return m_unfinished; }
    ShutdownHoldNotice *shutdownHoldNotice() const { return m_shutdownHold; }
    QToolBar *actionsToolBar() const { return m_toolBar; }
    ActionLauncher *actions() const { return m_launcher; }
    // The backup copies plexus-helper recorded (Backups()), drawn on their arrays' cards.
    BackupList *backups() const { return m_backups; }
    // The machine as shown, for planning (TreeSystem for a fixture tree, LiveSystem for "/").
    PlanningContext planningContext() const;
    // Takes what MdSuperblocks() answered: rows of device and examine (tests
    // give a fixture tree's this way; it has no helper).
    void setMdSuperblocks(const QList<QVariantMap> &rows);
    // Takes what UnfinishedJobs() answered (tests give their own): the banner
    // shows the oldest; a job the helper runs now (picked up after a restart)
    // opens its progress, once, unless a review is open already.
    void setUnfinishedJobs(const QList<QVariantMap> &jobs);
    // The menu a right click on `item` opens (array and member actions; "Create array…" for disks).
    QMenu *contextMenu(const Selectable &item, QWidget *parent);

    // Selects an array ("md0") or a member ("md0/sdb") and brings its card into
    // view (plexus --select, a notification's "open"); false when there is none.
    bool select(const QString &item);

public Q_SLOTS:
    // Takes a new snapshot now and shows it.
    void reload();
    // Asks plexus-helper for unfinished jobs (this machine only) and shows the oldest.
    void refreshUnfinished();
    // Asks plexus-helper which backup copies it recorded (this machine only).
    void refreshBackups();
    // Asks plexus-helper what LVM's tools say of the volume groups (free space,
    // inactive volumes, where each volume lies), which only root may read.
    void refreshVolumeDetails();
    // Asks plexus-helper what the md superblocks of stopped members say (their
    // histories decide how their array may start), which only root may read.
    void refreshMdSuperblocks();
    // Opens the review dialog for `op` (refused, or to confirm and run).
    void review(const plexus::Operation &op);
    // Opens the create-array dialog with `devices` chosen (or brings the open
    // one forward): it follows the machine as it changes, and closes once its
    // array is being created.
    void openCreateDialog(const QStringList &devices);

Q_SIGNALS:
    void reloaded();
    // "Create array…": the disks and partitions chosen in the disk map, in the order chosen.
    void createArrayRequested(const QStringList &selectedDevices);
    void reviewOpened(plexus::ReviewDialog *dialog);
    void createDialogOpened(plexus::CreateArrayDialog *dialog);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showSnapshot(const SnapshotPtr &snapshot);
    SnapshotProbe probe();
    void rereadNotified();
    // The window takes NEXT: its events logged, then every view shown from it.
    void adopt(const SnapshotPtr &next, const QStringList &warnings);
    // md's progress tick (onlyProgressMoved): the cards of the arrays whose
    // numbers moved show them, and the details if they are about one of those;
    // nothing else in the window shows them, so nothing else is looked at.
    void showProgress(const SnapshotPtr &next);
    // Logs what changed from `before` to `after`; true when the details' history took some of it.
    bool logEvents(const Snapshot &before, const Snapshot &after);
    void refreshShutdownHold();
    // `probed` with what the helper last said of LVM merged in; asks again when
    // what sysfs shows of LVM changed since. As root the probe asked LVM itself.
    SnapshotPtr withHelperVolumeDetails(const SnapshotPtr &probed);
    // Asks for the superblocks again when the stopped members differ from last time.
    void followStoppedMembers(const Snapshot &probed);
    void showBackups();
    // Calls a read-only helper method returning aa{sv} without waiting, and shows its answer.
    void askHelper(const std::function<QDBusPendingCall(HelperProxy *)> &call, const std::function<void(const QList<QVariantMap> &)> &show);
    QWidget *buildOverview();
    QWidget *buildSidebar();
    void logWarnings(const QStringList &warnings);
    void updateStatus();
    void updateTabOrder();
    void buildToolBar();
    void updateContextActions();
    void wireViews();
    void showLocate(const plexus::Disk &disk);
    void showContextMenu(const plexus::Selectable &item, const QPoint &globalPos);
    void showDropHint(const QString &text, bool accepted);
    ReviewDialog *openReview(const Operation &op);
    ReviewDialog *followJob(const QVariantMap &job);
    void confirmDrop(const QString &job, const QString &words);

    QString m_root;
    SnapshotPtr m_snapshot;
    SelectionModel *m_selection;
    MdWatcher *m_watcher;
    std::optional<QHash<QString, DriveHealth>> m_driveHealth; // UDisks' last read (live machine)
    QScrollArea *m_overviewScroll = nullptr;
    ArraysView *m_arrays = nullptr;
    DiskMapView *m_disks = nullptr;
    VolumesView *m_volumes = nullptr;
    DetailsPane *m_details = nullptr;
    ChangeLogModel *m_log;
    QListView *m_logView = nullptr;
    QLabel *m_status = nullptr;
    ShutdownHoldNotice *m_shutdownHold = nullptr;
    QSet<QString> m_seenWarnings;
    QSet<QString> m_followedJobs;         // running jobs whose progress opened by itself
    std::unique_ptr<LiveSystem> m_system;
    ActionLauncher *m_launcher = nullptr;
    AttentionBanner *m_banner = nullptr;
    UnfinishedBanner *m_unfinished = nullptr;
    HelperClient *m_helper = nullptr;
    BackupList *m_backups;
    QList<VolumeGroup> m_volumeDetails;   // from VolumeGroups(), for a window that is not root
    QString m_lvmShape;                   // what sysfs showed of LVM when they were asked for
    QStringList m_stoppedMembers;         // the stopped md members when MdSuperblocks() was asked
    QToolBar *m_toolBar = nullptr;
    QAction *m_createAction = nullptr;
    QPointer<CreateArrayDialog> m_createDialog;
    QList<QAction *> m_contextActions;
};

} // namespace plexus
