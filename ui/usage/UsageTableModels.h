#pragma once

#include "prompts/Feedback.h"
#include "usage/UsageDashboard.h"

#include <QAbstractTableModel>

class QStandardItemModel;

#include <functional>
#include <optional>
#include <vector>

namespace Tessera::Ui {

// How a chart's values read as text: money for cost (in micro-dollars), a count for tokens, a time in milliseconds,
// a share (0..1) as a percentage.
enum class UsageUnit { Money, Count, Milliseconds, Share };
QString usageValueText(qint64 value, UsageUnit unit);
QString usageAmountText(double value, UsageUnit unit);

// The quality of answers as a table (the Usage view's card and the report): per model, provider or template
// version, the answers, how many were rated, the share rated good, its 95 % interval and the tags chosen most. The
// sort role holds numbers for the number columns.
void fillQualityModel(QStandardItemModel& model, const std::vector<Core::FeedbackStats>& stats,
                      Core::FeedbackGrouping by);
// A feedback tag as people read it: the default tags in the language shown, the administrators' own as written.
QString feedbackTagLabel(const QString& tag);
// What a group is called: the model or provider, or "Summary, version 3".
QString qualityGroupName(const Core::FeedbackStats& stats, Core::FeedbackGrouping by);

// A chart of lines over time (speed, reliability): each line has a point per period, or none where nothing was
// measured.
struct UsageLine {
    QString name;
    int colour = 0;      // its index in the charts' palette
    bool dashed = false; // the lighter of a pair (p50 beside p95)
    bool muted = false;  // a guide (the even pace), in grey
    std::vector<std::optional<double>> values;
};

struct UsageLines {
    Core::UsageTimeline periods;       // the step and the periods' starts (its series stay empty)
    UsageUnit unit = UsageUnit::Count; // money in US dollars × 1,000,000
    std::vector<UsageLine> lines;
    // Two lines (low, high) drawn as a shaded range instead of lines; the table keeps them as columns.
    std::optional<std::pair<std::size_t, std::size_t>> band;
    QString bandName;
    // A level drawn across the chart (a budget's limit), with its name.
    std::optional<double> limit;
    QString limitName;
};

// The table behind lines as CSV: period_start (ISO 8601), a column per line headed by its name; an empty cell where
// nothing was measured; times in milliseconds, shares from 0 to 1, money in US dollars.
QString usageLinesCsv(const UsageLines& lines);

// The table behind a chart over time, for screen readers and the keyboard: a row per period, a column per series
// and the total. Display text in the locale's formats; Qt::UserRole gives the raw value for sorting and export.
class UsageTimelineModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit UsageTimelineModel(UsageUnit unit, QObject* parent = nullptr);

    // seriesName turns a series into its header (the key is translated there: "Everything else", "Cached input").
    void setTimeline(const Core::UsageTimeline& timeline,
                     const std::function<QString(const Core::UsageSeries&)>& seriesName);
    const Core::UsageTimeline& timeline() const { return m_timeline; }
    // A period as its row header reads: "14:00", "Mon 1 Dec", "Week of 1 Dec", "December 2026".
    static QString periodText(const Core::UsageTimeline& timeline, std::size_t bucket);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    UsageUnit m_unit;
    Core::UsageTimeline m_timeline;
    QStringList m_names;
};

// The table behind a chart of lines: a row per period, a column per line ("–" where nothing was measured).
class UsageLinesModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit UsageLinesModel(QObject* parent = nullptr);

    void setLines(UsageLines lines);
    const UsageLines& lines() const { return m_lines; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    UsageLines m_lines;
};

// The table behind a top list: name, cost, share, tokens and requests, largest first.
class UsageShareModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Cost, Share, Tokens, Requests, ColumnCount };
    explicit UsageShareModel(QObject* parent = nullptr);

    void setShares(std::vector<Core::UsageShare> shares);
    const std::vector<Core::UsageShare>& shares() const { return m_shares; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Core::UsageShare> m_shares;
};

} // namespace Tessera::Ui
