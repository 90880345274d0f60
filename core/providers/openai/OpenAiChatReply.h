#pragma once

#include "providers/HttpChatReply.h"

namespace Tessera::Core {

// Reads one Chat Completions response: an SSE stream of chat.completion.chunk objects ending in [DONE], or a
// single JSON body. Every failure becomes a typed error; error text never becomes answer text.
class OpenAiChatReply final : public HttpChatReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAiChatReply)

public:
    using HttpChatReply::HttpChatReply;
    ~OpenAiChatReply() override;

private:
    void handleSseEvent(const SseEvent& event) override;
    void handleBody(const QJsonObject& body) override;
    bool streamEndedCleanly(bool connectionClosedCleanly) const override;
    void takeUsage(const QJsonObject& usage);

    bool m_sawDone = false;
};

} // namespace Tessera::Core
