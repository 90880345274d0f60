#include "providers/ProviderReply.h"

namespace Tessera::Core {

ProviderReply::ProviderReply(QString correlationId, QObject* parent)
    : QObject(parent)
    , m_correlationId(std::move(correlationId)) {
}

ProviderReply::~ProviderReply() = default;

void ProviderReply::appendText(const QString& delta) {
    if (delta.isEmpty() || m_finished) {
        return;
    }
    m_text += delta;
    Q_EMIT deltaReceived(delta);
}

void ProviderReply::finish(const ChatResult& result) {
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT finished(result);
}

} // namespace Tessera::Core
