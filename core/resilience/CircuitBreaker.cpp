#include "resilience/CircuitBreaker.h"

#include "logging/Logging.h"

#include <algorithm>

namespace Tessera::Core {

QLatin1StringView breakerStateName(BreakerState state) {
    switch (state) {
    case BreakerState::Closed:
        return QLatin1StringView("closed");
    case BreakerState::Open:
        return QLatin1StringView("open");
    case BreakerState::HalfOpen:
        return QLatin1StringView("half_open");
    case BreakerState::ForcedOpen:
        return QLatin1StringView("forced_open");
    case BreakerState::Disabled:
        return QLatin1StringView("disabled");
    }
    return QLatin1StringView("closed");
}

bool countsAsBreakerFailure(const Error& error) {
    switch (error.code) {
    case ErrorCode::Timeout:
    case ErrorCode::NetworkUnreachable:
    case ErrorCode::ProviderRateLimited:
    case ErrorCode::ProviderUnavailable:
    case ErrorCode::ProviderOverloaded:
    case ErrorCode::StreamInterrupted:
    case ErrorCode::ProviderStreamError:
        return true;
    default:
        return false;
    }
}

CircuitBreaker::CircuitBreaker(QString name, BreakerSettings settings, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_settings(settings)
    , m_clock(clock) {
    if (m_settings.forcedOpen) {
        m_state = BreakerState::ForcedOpen;
    } else if (!m_settings.enabled) {
        m_state = BreakerState::Disabled;
    }
}

void CircuitBreaker::setSettings(const BreakerSettings& settings) {
    if (settings == m_settings) {
        return;
    }
    m_settings = settings;
    if (settings.forcedOpen) {
        if (m_state != BreakerState::ForcedOpen) {
            transitionTo(BreakerState::ForcedOpen);
        }
    } else if (m_state == BreakerState::ForcedOpen) {
        transitionTo(settings.enabled ? BreakerState::Closed : BreakerState::Disabled);
    } else if (!settings.enabled && m_state != BreakerState::Disabled) {
        transitionTo(BreakerState::Disabled);
    } else if (settings.enabled && m_state == BreakerState::Disabled) {
        transitionTo(BreakerState::Closed);
    }
    while (int(m_window.size()) > std::max(1, m_settings.windowSize)) {
        m_window.pop_front();
    }
}

void CircuitBreaker::transitionTo(BreakerState state, qint64 openMs) {
    const BreakerState from = m_state;
    m_state = state;
    m_halfOpenAdmitted = 0;
    m_halfOpenOutcomes.clear();
    if (state == BreakerState::Open) {
        m_openUntilMs = m_clock.monotonicMs() + openMs;
    }
    if (state == BreakerState::Closed || state == BreakerState::Disabled) {
        m_window.clear();
    }
    if (from != state) {
        log("resilience")->info("breaker {}: {} -> {}", m_name, breakerStateName(from), breakerStateName(state));
        Q_EMIT stateChanged(from, state);
    }
}

qint64 CircuitBreaker::remainingOpenMs() const {
    if (m_state != BreakerState::Open) {
        return 0;
    }
    return std::max<qint64>(0, m_openUntilMs - m_clock.monotonicMs());
}

Status CircuitBreaker::tryAcquire() {
    switch (m_state) {
    case BreakerState::Disabled:
    case BreakerState::Closed:
        return {};
    case BreakerState::ForcedOpen: {
        Error error = makeError(ErrorCode::CircuitOpen,
                                QStringLiteral("circuit for %1 is forced open by an administrator").arg(m_name));
        return fail(error);
    }
    case BreakerState::Open:
        if (remainingOpenMs() > 0) {
            Error error = makeError(ErrorCode::CircuitOpen, QStringLiteral("circuit for %1 is open; next try in %2 s")
                                                                .arg(m_name)
                                                                .arg((remainingOpenMs() + 999) / 1000));
            error.retryAfterMs = remainingOpenMs();
            return fail(error);
        }
        transitionTo(BreakerState::HalfOpen);
        [[fallthrough]];
    case BreakerState::HalfOpen:
        if (m_halfOpenAdmitted >= std::max(1, m_settings.halfOpenCalls)) {
            return fail(makeError(ErrorCode::CircuitOpen,
                                  QStringLiteral("circuit for %1 is half-open and its %2 trial calls are in flight")
                                      .arg(m_name)
                                      .arg(m_settings.halfOpenCalls)));
        }
        ++m_halfOpenAdmitted;
        return {};
    }
    return {};
}

bool CircuitBreaker::exceedsThresholds(const std::deque<Outcome>& outcomes) const {
    if (outcomes.empty()) {
        return false;
    }
    const auto failed = std::count_if(outcomes.begin(), outcomes.end(), [](const Outcome& o) { return o.failed; });
    const auto slow = std::count_if(outcomes.begin(), outcomes.end(), [](const Outcome& o) { return o.slow; });
    const double total = double(outcomes.size());
    return 100.0 * double(failed) / total >= m_settings.failureRatePercent ||
           100.0 * double(slow) / total >= m_settings.slowCallRatePercent;
}

void CircuitBreaker::record(Outcome outcome, qint64 retryAfterMs) {
    const qint64 openMs = std::max(m_settings.openMs, retryAfterMs);
    if (m_state == BreakerState::HalfOpen) {
        m_halfOpenOutcomes.push_back(outcome);
        if (int(m_halfOpenOutcomes.size()) >= std::max(1, m_settings.halfOpenCalls)) {
            transitionTo(exceedsThresholds(m_halfOpenOutcomes) ? BreakerState::Open : BreakerState::Closed, openMs);
        }
        return;
    }
    if (m_state != BreakerState::Closed) {
        return; // Disabled, ForcedOpen, or Open with a late outcome from before it opened
    }
    m_window.push_back(outcome);
    while (int(m_window.size()) > std::max(1, m_settings.windowSize)) {
        m_window.pop_front();
    }
    if (int(m_window.size()) >= std::max(1, m_settings.minimumCalls) && exceedsThresholds(m_window)) {
        transitionTo(BreakerState::Open, openMs);
    }
}

void CircuitBreaker::recordSuccess(qint64 firstTokenMs) {
    record({false, firstTokenMs > m_settings.slowCallMs}, 0);
}

void CircuitBreaker::recordFailure(const Error& error) {
    if (!countsAsBreakerFailure(error)) {
        release();
        return;
    }
    record({true, false}, error.retryAfterMs.value_or(0));
}

void CircuitBreaker::release() {
    if (m_state == BreakerState::HalfOpen && m_halfOpenAdmitted > 0) {
        --m_halfOpenAdmitted;
    }
}

void CircuitBreaker::forceOpen() {
    transitionTo(BreakerState::ForcedOpen);
}

void CircuitBreaker::disable() {
    transitionTo(BreakerState::Disabled);
}

void CircuitBreaker::reset() {
    transitionTo(m_settings.enabled ? BreakerState::Closed : BreakerState::Disabled);
    m_window.clear();
}

double CircuitBreaker::failureRatePercent() const {
    if (m_window.empty()) {
        return 0;
    }
    const auto failed = std::count_if(m_window.begin(), m_window.end(), [](const Outcome& o) { return o.failed; });
    return 100.0 * double(failed) / double(m_window.size());
}

double CircuitBreaker::slowCallRatePercent() const {
    if (m_window.empty()) {
        return 0;
    }
    const auto slow = std::count_if(m_window.begin(), m_window.end(), [](const Outcome& o) { return o.slow; });
    return 100.0 * double(slow) / double(m_window.size());
}

} // namespace Tessera::Core
