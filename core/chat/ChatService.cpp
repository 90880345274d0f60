#include "chat/ChatService.h"

#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "providers/Provider.h"
#include "providers/ProviderFactory.h"
#include "providers/ProviderReply.h"
#include "secrets/ApiKeyResolver.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"

#include <QPointer>

namespace Tessera::Core {

struct ChatService::ActiveTurn {
    TurnStart start;
    ChatRequest request;
    ProviderConfig provider;
    std::unique_ptr<Provider> client;
    std::unique_ptr<ProviderReply, void (*)(ProviderReply*)> reply{nullptr, [](ProviderReply* r) {
                                                                       r->deleteLater();
                                                                   }};
    QString text;
    bool dirty = false;
    bool stopRequested = false;
};

namespace {

QString titleFromPrompt(const QString& prompt) {
    QString simple = prompt.simplified();
    if (simple.size() <= 60) {
        return simple;
    }
    return simple.left(57) + QStringLiteral("...");
}

} // namespace

ChatService::ChatService(const Database& db, ProviderRepository& providers, ConversationRepository& conversations,
                         MessageRepository& messages, const ApiKeyResolver& keys, const ProviderFactory& factory,
                         const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_providers(providers)
    , m_conversations(conversations)
    , m_messages(messages)
    , m_keys(keys)
    , m_factory(factory)
    , m_clock(clock) {
    m_flushTimer.setInterval(storeFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ChatService::flushStreamingText);
}

ChatService::~ChatService() {
    // Answers still streaming when the service goes away keep their text, marked incomplete.
    const auto ids = m_active.keys();
    for (qint64 id : ids) {
        stop(id);
        finishTurn(id, fail(ErrorCode::Cancelled, QStringLiteral("application closed while answering")));
    }
}

bool ChatService::isAnswering(qint64 conversationId) const {
    for (const auto& turn : m_active) {
        if (turn->start.conversationId == conversationId) {
            return true;
        }
    }
    return false;
}

std::optional<QString> ChatService::liveText(qint64 assistantMessageId) const {
    const auto turn = m_active.value(assistantMessageId);
    return turn ? std::optional(turn->text) : std::nullopt;
}

Result<ProviderConfig> ChatService::chooseProvider(const SendOptions& options,
                                                   std::optional<qint64> conversationProvider) const {
    if (!options.providerName.isEmpty()) {
        return m_providers.findByName(options.providerName);
    }
    if (conversationProvider) {
        if (auto found = m_providers.findById(*conversationProvider)) {
            return found;
        }
    }
    auto all = m_providers.list();
    if (!all) {
        return fail(all.error());
    }
    if (all->empty()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no provider is configured; add one first"));
    }
    return all->front();
}

Result<TurnStart> ChatService::send(const QString& prompt, const SendOptions& options) {
    if (prompt.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the prompt is empty"));
    }
    if (prompt.size() > maxPromptCharacters) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the prompt has %1 characters; the limit is %2")
                                                    .arg(prompt.size())
                                                    .arg(maxPromptCharacters));
    }
    std::optional<Conversation> existing;
    if (options.conversationId) {
        auto conversation = m_conversations.get(*options.conversationId);
        if (!conversation) {
            return fail(conversation.error());
        }
        if (isAnswering(conversation->id)) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("conversation %1 is still being answered; stop it first").arg(conversation->id));
        }
        existing = *conversation;
    }
    auto provider = chooseProvider(options, existing ? existing->providerId : std::nullopt);
    if (!provider) {
        return fail(provider.error());
    }
    QString model = options.model;
    if (model.isEmpty() && existing && existing->providerId == provider->id) {
        model = existing->model;
    }
    if (model.isEmpty()) {
        model = provider->defaultModel;
    }
    if (model.isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("no model chosen for provider %1; pick one or set the provider's default model")
                        .arg(provider->name));
    }

    auto turn = std::make_shared<ActiveTurn>();
    turn->provider = *provider;
    turn->start.correlationId = newCorrelationId();
    turn->start.providerName = provider->name;
    turn->start.model = model;

    // One transaction: the conversation, its settings, the user's message and the answer placeholder.
    Conversation conversation;
    Message assistant;
    Message user;
    auto stored = m_db.transaction([&]() -> Status {
        if (existing) {
            conversation = *existing;
            if (conversation.providerId != provider->id || conversation.model != model) {
                if (auto s = m_conversations.setModel(conversation.id, provider->id, model); !s) {
                    return s;
                }
            }
        } else {
            auto created = m_conversations.create(titleFromPrompt(prompt), provider->id, model,
                                                  options.systemPrompt.value_or(QString()));
            if (!created) {
                return fail(created.error());
            }
            conversation = *created;
        }
        if (options.systemPrompt && existing) {
            if (auto s = m_conversations.setSystemPrompt(conversation.id, *options.systemPrompt); !s) {
                return s;
            }
            conversation.systemPrompt = *options.systemPrompt;
        }
        user.conversationId = conversation.id;
        user.role = Role::User;
        user.content = prompt;
        user.state = MessageState::Complete;
        user.correlationId = turn->start.correlationId;
        auto addedUser = m_messages.add(user);
        if (!addedUser) {
            return fail(addedUser.error());
        }
        user = *addedUser;
        assistant.conversationId = conversation.id;
        assistant.role = Role::Assistant;
        assistant.state = MessageState::Streaming;
        assistant.providerName = provider->name;
        assistant.model = model;
        assistant.correlationId = turn->start.correlationId;
        auto addedAssistant = m_messages.add(assistant);
        if (!addedAssistant) {
            return fail(addedAssistant.error());
        }
        assistant = *addedAssistant;
        return m_conversations.touch(conversation.id);
    });
    if (!stored) {
        log("chat")->error("cid={} could not store the prompt: {}", turn->start.correlationId,
                           stored.error().toLogString());
        Error error = stored.error();
        error.correlationId = turn->start.correlationId;
        return fail(error);
    }

    // The request carries the whole conversation so far, without failed or empty answers.
    auto history = m_messages.listForConversation(conversation.id);
    if (!history) {
        return fail(history.error());
    }
    turn->request.model = model;
    turn->request.systemPrompt = conversation.systemPrompt;
    turn->request.maxTokens = options.maxTokens;
    turn->request.temperature = options.temperature;
    turn->request.stream = options.stream;
    turn->request.correlationId = turn->start.correlationId;
    for (const Message& message : *history) {
        if (message.id == assistant.id || message.content.isEmpty() || message.state == MessageState::Failed) {
            continue;
        }
        turn->request.messages.push_back({message.role, message.content, {}});
    }

    turn->start.conversationId = conversation.id;
    turn->start.userMessageId = user.id;
    turn->start.assistantMessageId = assistant.id;
    m_active.insert(assistant.id, turn);
    log("chat")->info("cid={} conversation={} provider={} model={} history={} sending", turn->start.correlationId,
                      conversation.id, provider->name, model, turn->request.messages.size());
    Q_EMIT turnStarted(turn->start);

    // The answer starts from the event loop, never inside send(): callers get the ids back before any
    // delta or turnFinished can arrive, even when the key resolves (or fails) synchronously.
    const qint64 messageId = assistant.id;
    QTimer::singleShot(0, this, [this, messageId, config = *provider] {
        if (!m_active.contains(messageId)) {
            return;
        }
        QPointer<ChatService> self(this);
        m_keys.resolve(config, [self, messageId](Result<QString> key) {
            if (!self || !self->m_active.contains(messageId)) {
                return;
            }
            if (!key) {
                self->finishTurn(messageId, fail(key.error()));
                return;
            }
            self->startRequest(messageId, *key);
        });
    });
    return turn->start;
}

void ChatService::startRequest(qint64 assistantMessageId, const QString& apiKey) {
    const auto turn = m_active.value(assistantMessageId);
    if (!turn) {
        return;
    }
    if (turn->stopRequested) {
        finishTurn(assistantMessageId, fail(ErrorCode::Cancelled, QStringLiteral("stopped before sending")));
        return;
    }
    turn->client = m_factory.create(turn->provider, apiKey);
    if (!turn->client) {
        finishTurn(assistantMessageId, fail(ErrorCode::Internal, QStringLiteral("unsupported provider kind")));
        return;
    }
    turn->reply.reset(turn->client->chat(turn->request));
    connect(turn->reply.get(), &ProviderReply::deltaReceived, this,
            [this, assistantMessageId](const QString& delta) { handleDelta(assistantMessageId, delta); });
    connect(turn->reply.get(), &ProviderReply::finished, this,
            [this, assistantMessageId](const ChatResult& result) { handleReplyFinished(assistantMessageId, result); });
    if (!m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
}

void ChatService::handleDelta(qint64 assistantMessageId, const QString& delta) {
    const auto turn = m_active.value(assistantMessageId);
    if (!turn) {
        return;
    }
    turn->text += delta;
    turn->dirty = true;
    Q_EMIT deltaReceived(turn->start.conversationId, assistantMessageId, delta);
}

void ChatService::flushStreamingText() {
    for (const auto& turn : std::as_const(m_active)) {
        if (!turn->dirty) {
            continue;
        }
        if (auto status = m_messages.updateContent(turn->start.assistantMessageId, turn->text); !status) {
            log("chat")->error("cid={} could not save streamed text: {}", turn->start.correlationId,
                               status.error().toLogString());
            continue;
        }
        turn->dirty = false;
    }
    if (m_active.isEmpty()) {
        m_flushTimer.stop();
    }
}

void ChatService::handleReplyFinished(qint64 assistantMessageId, const ChatResult& result) {
    finishTurn(assistantMessageId, result);
}

bool ChatService::stop(qint64 assistantMessageId) {
    const auto turn = m_active.value(assistantMessageId);
    if (!turn) {
        return false;
    }
    turn->stopRequested = true;
    if (turn->reply) {
        turn->reply->cancel(); // finishes the turn through handleReplyFinished
    } else {
        // Nothing sent yet (the key is still being read): end the turn now.
        finishTurn(assistantMessageId, fail(ErrorCode::Cancelled, QStringLiteral("stopped before sending")));
    }
    return true;
}

void ChatService::finishTurn(qint64 assistantMessageId, const ChatResult& result) {
    const auto turn = m_active.take(assistantMessageId);
    if (!turn) {
        return;
    }
    if (turn->reply) {
        turn->reply->disconnect(this);
    }
    TurnOutcome outcome;
    Message& message = outcome.message;
    message.id = assistantMessageId;
    message.conversationId = turn->start.conversationId;
    message.role = Role::Assistant;
    message.providerName = turn->start.providerName;
    message.model = turn->start.model;
    message.correlationId = turn->start.correlationId;
    if (result) {
        message.content = result->text;
        message.state = MessageState::Complete;
        if (!result->model.isEmpty()) {
            message.model = result->model;
        }
        message.finishReason = result->finishReason;
        message.usage = result->usage;
        message.ttftMs = result->ttftMs >= 0 ? std::optional<qint64>(result->ttftMs) : std::nullopt;
        message.latencyMs = result->latencyMs;
    } else {
        Error error = result.error();
        error.correlationId = turn->start.correlationId;
        message.content = turn->reply ? turn->reply->text() : turn->text;
        message.state = message.content.isEmpty() ? MessageState::Failed : MessageState::Incomplete;
        message.errorCode = QString(codeName(error.code));
        outcome.error = error;
        log("chat")->warn("cid={} answer {} ended {}: {}", turn->start.correlationId, assistantMessageId,
                          messageStateName(message.state), error.toLogString());
    }
    if (auto status = m_messages.finish(message); !status) {
        log("chat")->error("cid={} could not save the answer: {}", turn->start.correlationId,
                           status.error().toLogString());
        if (!outcome.error) {
            outcome.error = status.error();
            outcome.error->correlationId = turn->start.correlationId;
        }
    }
    Q_EMIT turnFinished(outcome);
}

} // namespace Tessera::Core
