#include "usage/UsageLoader.h"

#include <QElapsedTimer>
#include <QPointer>

namespace Tessera::Ui {

UsageLoader::UsageLoader(const Core::UsageDashboard& dashboard, const Core::BudgetPaceReader& budgets,
                         const Core::FeedbackService* feedback, QObject* parent)
    : QObject(parent)
    , m_dashboard(dashboard)
    , m_budgets(budgets)
    , m_feedback(feedback) {
    m_thread.setObjectName(QStringLiteral("usage-dashboard"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

UsageLoader::~UsageLoader() {
    // Nothing new starts; the worker finishes what it runs, closes its connection and ends.
    m_newest = std::numeric_limits<quint64>::max();
    const Core::UsageDashboard* dashboard = &m_dashboard;
    QMetaObject::invokeMethod(
        m_worker, [dashboard] { dashboard->finishThread(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

quint64 UsageLoader::load(const Core::Actor& actor, const UsageRequest& request) {
    const quint64 generation = ++m_newest;
    m_loading = true;
    QPointer<UsageLoader> self(this);
    const Core::UsageDashboard* dashboard = &m_dashboard;
    const Core::BudgetPaceReader* budgets = &m_budgets;
    const Core::FeedbackService* feedback = m_feedback;
    QMetaObject::invokeMethod(
        m_worker,
        [this, self, dashboard, budgets, feedback, actor, request, generation] {
            if (m_newest.load() != generation) {
                return; // a newer request is queued behind this one
            }
            UsageSnapshot snapshot = readUsageSnapshot(*dashboard, *budgets, actor, request, feedback);
            snapshot.generation = generation;
            // Back on the loader's thread; dropped when the loader is gone or a newer request came meanwhile.
            QMetaObject::invokeMethod(
                self.data(),
                [self, snapshot = std::move(snapshot)] {
                    if (!self || self->m_newest.load() != snapshot.generation) {
                        return;
                    }
                    self->m_loading = false;
                    Q_EMIT self->loaded(snapshot);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return generation;
}

UsageSnapshot readUsageSnapshot(const Core::UsageDashboard& dashboard, const Core::BudgetPaceReader& budgets,
                                const Core::Actor& actor, const UsageRequest& request,
                                const Core::FeedbackService* feedback) {
    QElapsedTimer timer;
    timer.start();
    UsageSnapshot s;
    s.request = request;
    auto fail = [&s](const Core::Error& error) {
        s.error = error;
        return s;
    };
    auto summary = dashboard.summary(actor, request.filter);
    if (!summary) {
        return fail(summary.error());
    }
    s.summary = *summary;
    auto cost = dashboard.costOverTime(actor, request.filter, request.split);
    if (!cost) {
        return fail(cost.error());
    }
    s.cost = std::move(*cost);
    auto tokens = dashboard.tokensOverTime(actor, request.filter);
    if (!tokens) {
        return fail(tokens.error());
    }
    s.tokens = std::move(*tokens);
    auto users = dashboard.top(actor, request.filter, Core::UsageDimension::User);
    if (!users) {
        return fail(users.error());
    }
    s.topUsers = std::move(*users);
    auto models = dashboard.top(actor, request.filter, Core::UsageDimension::Model);
    if (!models) {
        return fail(models.error());
    }
    s.topModels = std::move(*models);
    auto latency = dashboard.latencyOverTime(actor, request.filter);
    if (!latency) {
        return fail(latency.error());
    }
    s.latency = std::move(*latency);
    auto reliability = dashboard.reliabilityOverTime(actor, request.filter);
    if (!reliability) {
        return fail(reliability.error());
    }
    s.reliability = std::move(*reliability);
    // The budgets in scope: the person the view is narrowed to, else everyone's (one's own for a member).
    auto paces = budgets.pace(actor, request.filter.accountId);
    if (!paces) {
        return fail(paces.error());
    }
    s.budgets = std::move(*paces);
    auto choices = dashboard.choices(actor);
    if (!choices) {
        return fail(choices.error());
    }
    s.choices = std::move(*choices);
    if (feedback) {
        // The quality of the period's answers (the person the view is narrowed to, when it is).
        auto quality =
            feedback->stats(actor, request.quality, {request.filter.from, request.filter.to, request.filter.accountId});
        if (!quality) {
            return fail(quality.error());
        }
        s.quality = std::move(*quality);
    }
    s.elapsedMs = timer.elapsed();
    return s;
}

} // namespace Tessera::Ui
