#include "mainwindow.h"
#include "arraycard.h"
#include "arraysview.h"
#include "changelogmodel.h"
#include "detailspane.h"
#include "diskmapview.h"
#include "diskrow.h"
#include "monitor/mdwatcher.h"
#include "partitionbar.h"
#include "probe/snapshotprobe.h"
#include "selectionmodel.h"
#include "themedicons.h"
#include "volumesview.h"
#include "words.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QSysInfo>
#include <QTreeView>
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

QString plural(qsizetype n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

} // namespace

MainWindow::MainWindow(const QString &root, QWidget *parent)
    : QMainWindow(parent), m_root(root), m_selection(new SelectionModel(this)), m_log(new ChangeLogModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(themedIcon(QStringLiteral("plexus"), palette()));
    setWindowTitle(root == QLatin1String("/") ? QStringLiteral("Plexus \u2014 %1").arg(QSysInfo::machineHostName())
                                              : QStringLiteral("Plexus \u2014 %1").arg(root));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildOverview());
    splitter->addWidget(buildSidebar());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    const int unit = fontMetrics().height();
    splitter->setSizes({unit * 50, unit * 26});
    setCentralWidget(splitter);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    statusBar()->addWidget(m_status, 1);
    if (root != QLatin1String("/")) {
        auto *source = new QLabel(QStringLiteral("Showing the tree in %1").arg(root), this);
        source->setForegroundRole(QPalette::PlaceholderText);
        statusBar()->addPermanentWidget(source);
    }

    m_watcher = new MdWatcher(root, this);
    connect(m_watcher, &MdWatcher::changed, this, &MainWindow::reload);
    reload();
    m_log->append(m_snapshot->takenAt, {ChangeNote{QStringLiteral("watching %1 on %2")
                                                       .arg(plural(m_snapshot->arrays.size(), "array", "arrays"),
                                                            plural(m_snapshot->disks.size(), "disk", "disks")),
                                                   Tone::Neutral}});
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
    layout->addWidget(sectionHeading(QStringLiteral("Arrays"), overview));
    layout->addWidget(m_arrays);
    layout->addSpacing(unit / 2);
    layout->addWidget(sectionHeading(QStringLiteral("Disks"), overview));
    layout->addWidget(m_disks);
    layout->addSpacing(unit / 2);
    layout->addWidget(sectionHeading(QStringLiteral("Volumes"), overview));
    layout->addWidget(m_volumes);
    layout->addStretch(1);

    auto *scroll = new QScrollArea;
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
    auto *detailsBox = new QWidget;
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(unit / 2, unit * 2 / 3, unit, unit / 2);
    detailsLayout->setSpacing(unit / 2);
    detailsLayout->addWidget(sectionHeading(QStringLiteral("Details"), detailsBox));
    detailsLayout->addWidget(m_details, 1);

    m_logView = new QListView;
    m_logView->setObjectName(QStringLiteral("changeLog"));
    m_logView->setModel(m_log);
    m_logView->setUniformItemSizes(true);
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logView->setTextElideMode(Qt::ElideRight);
    connect(m_log, &QAbstractItemModel::rowsInserted, m_logView, &QListView::scrollToBottom);
    auto *logBox = new QWidget;
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(unit / 2, unit / 2, unit, unit / 2);
    logLayout->setSpacing(unit / 3);
    logLayout->addWidget(sectionHeading(QStringLiteral("Changes"), logBox));
    logLayout->addWidget(m_logView, 1);

    auto *sidebar = new QSplitter(Qt::Vertical);
    sidebar->setChildrenCollapsible(false);
    sidebar->addWidget(detailsBox);
    sidebar->addWidget(logBox);
    sidebar->setStretchFactor(0, 3);
    sidebar->setStretchFactor(1, 1);
    sidebar->setMinimumWidth(unit * 18);
    return sidebar;
}

void MainWindow::reload()
{
    QStringList warnings;
    const SnapshotPtr next = SnapshotProbe(m_root).take(&warnings);
    const bool first = !m_snapshot;
    if (m_snapshot)
        m_log->append(next->takenAt, describeChanges(*m_snapshot, *next));
    logWarnings(warnings);
    showSnapshot(next);
    // Open on the array that most needs a look, so the details pane starts useful.
    if (first && !m_arrays->cards().isEmpty())
        m_selection->setCurrent(Selectable::array(m_arrays->cards().first()->arrayName()));
    Q_EMIT reloaded();
}

void MainWindow::showSnapshot(const SnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    m_selection->setSnapshot(snapshot);
    m_arrays->setSnapshot(*snapshot);
    m_disks->setSnapshot(*snapshot);
    m_volumes->setSnapshot(*snapshot);
    m_details->refresh();
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
    QStringList parts{plural(s.arrays.size(), "array", "arrays")};
    if (attention > 0)
        parts.last() += attention == 1 ? QStringLiteral(" (1 needs attention)") : QStringLiteral(" (%1 need attention)").arg(attention);
    parts << plural(s.disks.size(), "disk", "disks") << plural(s.volumeGroups.size(), "volume group", "volume groups");
    m_status->setText(QStringLiteral("%1 \u2014 updated %2").arg(parts.join(QStringLiteral(" \u00b7 ")),
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
    chain << m_volumes->tree() << m_details->view() << m_logView;
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

} // namespace plexus
