#pragma once

#include "providers/HttpChatReply.h"

namespace Tessera::Core {

// Reads one /api/chat response: NDJSON lines {"message": {"content": ...}, "done": false} ending in a line with
// "done": true and the token counts, or one JSON object when not streaming. Every line is checked for
// {"error": "..."}, which Ollama sends inside a 200 stream.
class OllamaChatReply final : public HttpChatReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OllamaChatReply)

public:
    using HttpChatReply::HttpChatReply;
    ~OllamaChatReply() override;

private:
    Framing framingFor(const QByteArray& contentType) const override;
    void handleJsonLine(const QJsonObject& line) override;
    void handleBody(const QJsonObject& body) override;
    bool streamEndedCleanly(bool connectionClosedCleanly) const override;

    bool m_done = false;
};

} // namespace Tessera::Core
