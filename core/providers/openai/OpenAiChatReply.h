#pragma once

#include "providers/ProviderReply.h"
#include "providers/sse/SseParser.h"

#include <QElapsedTimer>
#include <QJsonObject>

class QNetworkReply;

namespace Tessera::Core {

// Reads one Chat Completions response: an SSE stream of chat.completion.chunk objects ending in [DONE], or a
// single JSON body. Every failure becomes a typed error; error text never becomes answer text.
class OpenAiChatReply final : public ProviderReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAiChatReply)

public:
    OpenAiChatReply(QNetworkReply* reply, QString correlationId, QString providerName, qsizetype promptCharacters);
    ~OpenAiChatReply() override;

    void cancel() override;

private:
    enum class Mode { Undetermined, Stream, Body, ErrorBody };

    void handleReadyRead();
    void handleFinished();
    void handleEvent(const SseEvent& event);
    void handleBody();
    void takeUsage(const QJsonObject& usage);
    void failWith(Error error);
    void complete();

    QNetworkReply* m_reply;
    QString m_providerName;
    qsizetype m_promptCharacters;
    SseParser m_parser;
    QElapsedTimer m_timer;
    ChatAnswer m_answer;
    QByteArray m_body;
    Mode m_mode = Mode::Undetermined;
    int m_httpStatus = 0;
    bool m_sawDone = false;
    bool m_cancelled = false;
};

} // namespace Tessera::Core
