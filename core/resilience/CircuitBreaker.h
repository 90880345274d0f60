#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QObject>

#include <deque>

namespace Tessera::Core {

enum class BreakerState { Closed, Open, HalfOpen, ForcedOpen, Disabled };

QLatin1StringView breakerStateName(BreakerState state);

// Circuit breaker settings with resilience4j's meaning; the defaults are the ones suggested for LLM traffic.
struct BreakerSettings {
    bool enabled = true;
    int windowSize = 20;          // count-based sliding window: the last N counted calls
    int minimumCalls = 10;        // no decision before this many calls are in the window
    int failureRatePercent = 50;  // opens when failures / calls >= this
    qint64 slowCallMs = 20'000;   // a call whose first token took longer is slow
    int slowCallRatePercent = 50; // opens when slow calls / calls >= this
    qint64 openMs = 30'000;       // how long it stays open (or the provider's Retry-After, when longer)
    int halfOpenCalls = 3;        // trial calls admitted when half-open; their outcome decides
    bool forcedOpen = false;      // an administrator stopped all traffic to the provider

    bool operator==(const BreakerSettings&) const = default;
};

// Whether an error says the provider is failing (408, 429, 5xx, 529, timeouts, network errors) and so counts
// against the breaker. Bad requests, authentication and cancellations do not.
bool countsAsBreakerFailure(const Error& error);

// A count-based circuit breaker for one provider and model. States: Closed (calls pass, outcomes are recorded
// in a ring buffer), Open (calls fail at once with provider.circuit_open until the wait ends), HalfOpen (a
// limited number of trial calls decide between Closed and Open), ForcedOpen and Disabled (set by an
// administrator). Open becomes HalfOpen on the first call after the wait. Time comes from the injected clock.
class CircuitBreaker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CircuitBreaker)

public:
    CircuitBreaker(QString name, BreakerSettings settings, const Clock& clock, QObject* parent = nullptr);

    const QString& name() const { return m_name; }
    BreakerState state() const { return m_state; }
    const BreakerSettings& settings() const { return m_settings; }
    void setSettings(const BreakerSettings& settings);

    // Admits a call, or fails with provider.circuit_open (retryAfterMs says when it will be tried again).
    // Every admitted call must end in exactly one of recordSuccess, recordFailure or release.
    Status tryAcquire();
    void recordSuccess(qint64 firstTokenMs);
    // Failures that do not count (see countsAsBreakerFailure) only give the permit back.
    void recordFailure(const Error& error);
    // The call ended without an outcome that says anything about the provider (cancelled by the user).
    void release();

    void forceOpen();
    void disable();
    // Back to Closed with an empty window (also ends ForcedOpen and Disabled).
    void reset();

    // Milliseconds until an open breaker admits trial calls; 0 when it admits calls now.
    qint64 remainingOpenMs() const;
    int bufferedCalls() const { return int(m_window.size()); }
    double failureRatePercent() const;
    double slowCallRatePercent() const;

Q_SIGNALS:
    void stateChanged(Tessera::Core::BreakerState from, Tessera::Core::BreakerState to);

private:
    struct Outcome {
        bool failed = false;
        bool slow = false;
    };
    void record(Outcome outcome, qint64 retryAfterMs);
    void transitionTo(BreakerState state, qint64 openMs = 0);
    bool exceedsThresholds(const std::deque<Outcome>& outcomes) const;

    QString m_name;
    BreakerSettings m_settings;
    const Clock& m_clock;
    BreakerState m_state = BreakerState::Closed;
    std::deque<Outcome> m_window;
    qint64 m_openUntilMs = 0;
    int m_halfOpenAdmitted = 0;
    std::deque<Outcome> m_halfOpenOutcomes;
};

} // namespace Tessera::Core
