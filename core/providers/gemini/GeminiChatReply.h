#pragma once

#include "providers/HttpChatReply.h"

namespace Tessera::Core {

// Reads one generateContent response: SSE events each holding a GenerateContentResponse (the text of the first
// candidate's parts, thought parts skipped; usageMetadata is cumulative, so the last one counts), or one JSON
// object when not streaming. The stream has no end marker: it is complete when a finishReason arrived and the
// connection closed cleanly.
class GeminiChatReply final : public HttpChatReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeminiChatReply)

public:
    using HttpChatReply::HttpChatReply;
    ~GeminiChatReply() override;

private:
    void handleSseEvent(const SseEvent& event) override;
    void handleBody(const QJsonObject& body) override;
    bool streamEndedCleanly(bool connectionClosedCleanly) const override;
    Error errorFromResponse(int status, const QByteArray& body) const override;
    void handleResponse(const QJsonObject& response);
};

} // namespace Tessera::Core
