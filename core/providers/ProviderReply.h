#pragma once

#include "common/Result.h"
#include "providers/ChatRequest.h"
#include "providers/RateLimitHeaders.h"

#include <QObject>

#include <algorithm>

namespace Tessera::Core {

using ChatResult = Result<ChatAnswer>;

// One answer in flight. Emits deltaReceived for each piece of text as it arrives and finished exactly once.
// After a failure, text() still holds whatever arrived (the partial answer). cancel() finishes with Cancelled.
class ProviderReply : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderReply)

public:
    explicit ProviderReply(QString correlationId, QObject* parent = nullptr);
    ~ProviderReply() override;

    virtual void cancel() = 0;

    const QString& correlationId() const { return m_correlationId; }
    const QString& text() const { return m_text; }
    bool isFinished() const { return m_finished; }
    // What the provider's headers said about its rate limits (empty when it sent none).
    const ProviderRateLimits& rateLimits() const { return m_rateLimits; }
    // Requests sent so far for this answer (retries and fallbacks included); at least 1.
    int attemptCount() const { return m_attemptCount; }

Q_SIGNALS:
    void deltaReceived(const QString& delta);
    void finished(const Tessera::Core::ChatResult& result);

protected:
    void appendText(const QString& delta);
    // Emits finished once; later calls are ignored.
    void finish(const ChatResult& result);
    void setRateLimits(const ProviderRateLimits& limits) { m_rateLimits = limits; }
    void setAttemptCount(int count) { m_attemptCount = std::max(1, count); }

private:
    QString m_correlationId;
    QString m_text;
    bool m_finished = false;
    ProviderRateLimits m_rateLimits;
    int m_attemptCount = 1;
};

} // namespace Tessera::Core
