#pragma once

#include "common/Actor.h"
#include "common/Error.h"
#include "prompts/Feedback.h"
#include "usage/BudgetPace.h"
#include "usage/UsageDashboard.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <optional>
#include <vector>

namespace Tessera::Ui {

// What the Usage view asks for: the filters and how the cost chart is split.
struct UsageRequest {
    Core::UsageFilter filter;
    Core::UsageDimension split = Core::UsageDimension::Model;
    Core::FeedbackGrouping quality = Core::FeedbackGrouping::Model; // how the quality of answers is grouped

    bool operator==(const UsageRequest&) const = default;
};

// Everything the Usage view shows for one request, or why it could not be read.
struct UsageSnapshot {
    quint64 generation = 0;
    UsageRequest request;
    std::optional<Core::Error> error;
    Core::UsageSummary summary;
    Core::UsageTimeline cost;
    Core::UsageTimeline tokens;
    std::vector<Core::UsageShare> topUsers;
    std::vector<Core::UsageShare> topModels;
    Core::UsageLatency latency;
    Core::UsageReliability reliability;
    std::vector<Core::BudgetPace> budgets;
    std::vector<Core::FeedbackStats> quality; // the period's answers and ratings (none without a feedback service)
    Core::UsageChoices choices;
    qint64 elapsedMs = 0;
};

// Reads everything the Usage view shows for a request, on the calling thread (with its connection). The report and
// the CLI read this way; the view reads through UsageLoader.
UsageSnapshot readUsageSnapshot(const Core::UsageDashboard& dashboard, const Core::BudgetPaceReader& budgets,
                                const Core::Actor& actor, const UsageRequest& request,
                                const Core::FeedbackService* feedback = nullptr);

// Runs the Usage view's queries on a worker thread with its own store connection, so the window never waits for
// them. Only the newest request counts: one still queued when a newer comes is skipped, and a result that is no
// longer the newest is dropped.
class UsageLoader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageLoader)

public:
    UsageLoader(const Core::UsageDashboard& dashboard, const Core::BudgetPaceReader& budgets,
                const Core::FeedbackService* feedback, QObject* parent = nullptr);
    ~UsageLoader() override;

    // Starts reading; loaded() follows on this object's thread. Returns the request's generation.
    quint64 load(const Core::Actor& actor, const UsageRequest& request);
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loaded(const Tessera::Ui::UsageSnapshot& snapshot);

private:
    const Core::UsageDashboard& m_dashboard;
    const Core::BudgetPaceReader& m_budgets;
    const Core::FeedbackService* m_feedback;
    QThread m_thread;
    QObject* m_worker = nullptr; // lives on m_thread
    std::atomic<quint64> m_newest{0};
    bool m_loading = false;
};

} // namespace Tessera::Ui
