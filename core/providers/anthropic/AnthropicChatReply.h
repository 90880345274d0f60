#pragma once

#include "providers/HttpChatReply.h"

namespace Tessera::Core {

// Reads one Messages response: SSE events message_start, content_block_start/delta/stop, message_delta (with the
// cumulative usage, of which the last one counts), message_stop; ping is ignored and error raises. Or one JSON
// message when not streaming. Input tokens are normalised to include cache reads and writes.
class AnthropicChatReply final : public HttpChatReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnthropicChatReply)

public:
    using HttpChatReply::HttpChatReply;
    ~AnthropicChatReply() override;

private:
    void handleSseEvent(const SseEvent& event) override;
    void handleBody(const QJsonObject& body) override;
    bool streamEndedCleanly(bool connectionClosedCleanly) const override;
    void takeUsage(const QJsonObject& usage);

    qint64 m_input = 0;
    qint64 m_cacheRead = 0;
    qint64 m_cacheWrite = 0;
    bool m_sawStop = false;
};

} // namespace Tessera::Core
