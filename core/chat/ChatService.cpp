#include "chat/ChatService.h"

#include "accounts/Authorization.h"
#include "accounts/FeatureFlags.h"

#include "chat/Attachments.h"
#include "chat/ConversationService.h"
#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "providers/ProviderReply.h"
#include "providers/RequestRunner.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/TagRepository.h"
#include "tokenizer/TokenCounter.h"
#include "usage/BudgetGuard.h"
#include "usage/ContextEstimate.h"
#include "usage/ModelCatalog.h"
#include "usage/UsageLedger.h"

#include <QPointer>

namespace Tessera::Core {

struct ChatService::ActiveTurn {
    TurnStart start;
    qint64 ownerId = 0; // who asked: only they may stop it
    RunSpec spec;
    RequestRunner::Reply reply{nullptr, [](RunningRequest*) {
                               }};
    QString text;
    bool dirty = false;
    qint64 reservationId = 0; // what the budget guard holds for this answer until it is recorded
    int leftOut = 0;          // the oldest messages the request leaves out (the user agreed)
};

namespace {

// Where a new prompt goes: beside the message it edits, or after the branch the conversation shows.
Result<std::optional<qint64>> parentForPrompt(const MessageRepository& messages, qint64 conversationId,
                                              const SendOptions& options) {
    if (options.editOf) {
        auto edited = messages.get(*options.editOf);
        if (!edited) {
            return fail(edited.error());
        }
        if (edited->conversationId != conversationId || edited->role != Role::User) {
            return fail(ErrorCode::InvalidArgument, QStringLiteral("message %1 is not a question in conversation %2")
                                                        .arg(*options.editOf)
                                                        .arg(conversationId));
        }
        return edited->parentId;
    }
    auto leaf = messages.currentLeaf(conversationId);
    if (!leaf) {
        return fail(leaf.error());
    }
    return *leaf == 0 ? std::nullopt : std::optional<qint64>(*leaf);
}

} // namespace

ChatService::ChatService(const ChatDependencies& deps, QObject* parent)
    : QObject(parent)
    , m_db(deps.db)
    , m_providers(deps.providers)
    , m_conversations(deps.conversations)
    , m_messages(deps.messages)
    , m_runner(deps.runner)
    , m_flags(deps.flags)
    , m_ledger(deps.ledger)
    , m_budgets(deps.budgets)
    , m_clock(deps.clock) {
    m_flushTimer.setInterval(storeFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ChatService::flushStreamingText);
}

ChatService::~ChatService() {
    // Answers still streaming when the service goes away keep their text, marked incomplete.
    const auto ids = m_active.keys();
    for (qint64 id : ids) {
        stopTurn(id);
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

QString ChatService::titleFromPrompt(const QString& prompt) {
    QString simple = prompt.simplified();
    if (simple.size() <= 60) {
        return simple;
    }
    return simple.left(57) + QStringLiteral("...");
}

Result<TurnStart> ChatService::send(const Actor& actor, const QString& typed, const SendOptions& options) {
    if (auto allowed = require(actor, Permission::Chat); !allowed) {
        return fail(allowed.error());
    }
    if ((!options.images.empty() || !options.files.empty()) && m_flags) {
        if (auto allowed = m_flags->require(actor, Feature::Attachments); !allowed) {
            return fail(allowed.error());
        }
    }
    const QString prompt = withTextAttachments(typed, options.files);
    if (prompt.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the prompt is empty"));
    }
    if (prompt.size() > maxPromptCharacters) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the prompt has %1 characters; the limit is %2")
                                                    .arg(prompt.size())
                                                    .arg(maxPromptCharacters));
    }
    if (auto images = validateImages(options.images); !images) {
        return fail(images.error());
    }
    if (options.systemPrompt) {
        if (auto valid = ConversationService::validateSystemPrompt(*options.systemPrompt); !valid) {
            return fail(valid.error());
        }
    }
    return startTurn(actor, prompt, options, std::nullopt);
}

Result<TurnStart> ChatService::regenerate(const Actor& actor, qint64 assistantMessageId, SendOptions options) {
    if (auto allowed = require(actor, Permission::Chat); !allowed) {
        return fail(allowed.error());
    }
    auto answer = m_messages.get(assistantMessageId);
    if (answer && !m_conversations.get(answer->conversationId, actor.userId)) {
        answer = fail(ErrorCode::NotFound, QStringLiteral("no message with id %1").arg(assistantMessageId));
    }
    if (!answer) {
        return fail(answer.error());
    }
    if (answer->role != Role::Assistant || !answer->parentId) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("message %1 is not an answer to a question").arg(assistantMessageId));
    }
    options.conversationId = answer->conversationId;
    options.editOf.reset();
    options.images.clear();
    return startTurn(actor, QString(), options, *answer);
}

Status ChatService::requireAllowedModel(const Actor& actor, const ProviderConfig& provider, const QString& model) {
    if (actor.allowsModel(provider.name, model)) {
        return {};
    }
    return fail(ErrorCode::AuthForbidden,
                QStringLiteral("the role of %1 does not allow %2/%3").arg(actor.userName, provider.name, model));
}

Result<TurnStart> ChatService::startTurn(const Actor& actor, const QString& prompt, const SendOptions& options,
                                         std::optional<Message> regenerateOf) {
    if (auto valid = validateGeneration(options.temperature, options.maxTokens); !valid) {
        return fail(valid.error());
    }
    std::optional<Conversation> existing;
    if (options.conversationId) {
        // Another account's conversation answers as one that does not exist.
        auto conversation = m_conversations.get(*options.conversationId, actor.userId);
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

    if (!provider->enabled) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("provider %1 is disabled; enable it or pick another").arg(provider->name));
    }
    // The fallback: named in this call, or the conversation's.
    std::optional<ProviderConfig> fallback;
    QString fallbackModel;
    if (options.fallbackProvider && !options.fallbackProvider->isEmpty()) {
        auto found = m_providers.findByName(*options.fallbackProvider);
        if (!found) {
            return fail(found.error());
        }
        fallback = *found;
        fallbackModel = options.fallbackModel.isEmpty() ? found->defaultModel : options.fallbackModel;
    } else if (!options.fallbackProvider && existing && existing->fallbackProviderId) {
        if (auto found = m_providers.findById(*existing->fallbackProviderId)) {
            fallback = *found;
            fallbackModel = existing->fallbackModel.isEmpty() ? found->defaultModel : existing->fallbackModel;
        }
    }
    if (fallback && fallbackModel.isEmpty()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("no model chosen for the fallback provider %1").arg(fallback->name));
    }
    if (auto allowed = requireAllowedModel(actor, *provider, model); !allowed) {
        return fail(allowed.error());
    }
    if (fallback) {
        if (auto allowed = requireAllowedModel(actor, *fallback, fallbackModel); !allowed) {
            return fail(allowed.error());
        }
    }

    auto turn = std::make_shared<ActiveTurn>();
    turn->ownerId = actor.userId;
    turn->spec.requesterId = actor.userId; // one account is never served another's cached answer
    turn->spec.provider = *provider;
    turn->spec.cache = options.cache;
    if (m_flags && !m_flags->enabled(actor, Feature::ResponseCache)) {
        turn->spec.cache = CacheMode::NoStore; // neither read nor written for this person
    }
    turn->spec.batch = options.batch;
    if (fallback && fallback->enabled) {
        turn->spec.fallback = fallback;
        turn->spec.fallbackModel = fallbackModel;
    }
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
                                                  options.systemPrompt.value_or(QString()), actor.userId);
            if (!created) {
                return fail(created.error());
            }
            conversation = *created;
            // A new conversation keeps the generation settings it was started with.
            if (options.temperature || options.maxTokens) {
                if (auto s = m_conversations.setGeneration(conversation.id, options.temperature, options.maxTokens);
                    !s) {
                    return s;
                }
                conversation.temperature = options.temperature;
                conversation.maxTokens = options.maxTokens;
            }
        }
        if (options.fallbackProvider) {
            if (auto s =
                    m_conversations.setFallback(conversation.id, fallback ? std::optional(fallback->id) : std::nullopt,
                                                fallback ? fallbackModel : QString());
                !s) {
                return s;
            }
        }
        if (!options.tags.isEmpty()) {
            if (auto s = TagRepository(m_db).addTags(conversation.id, options.tags); !s) {
                return s;
            }
        }
        if (options.systemPrompt && existing) {
            if (auto s = m_conversations.setSystemPrompt(conversation.id, *options.systemPrompt); !s) {
                return s;
            }
            conversation.systemPrompt = *options.systemPrompt;
        }
        if (regenerateOf) {
            // A new answer to the same question: no new user message.
            auto question = m_messages.get(*regenerateOf->parentId);
            if (!question) {
                return fail(question.error());
            }
            user = *question;
        } else {
            user.conversationId = conversation.id;
            user.role = Role::User;
            user.content = prompt;
            user.images = options.images;
            user.templateUse = options.templateUse;
            user.state = MessageState::Complete;
            user.correlationId = turn->start.correlationId;
            if (auto parent = parentForPrompt(m_messages, conversation.id, options); !parent) {
                return fail(parent.error());
            } else {
                user.parentId = *parent;
            }
            auto addedUser = m_messages.add(user);
            if (!addedUser) {
                return fail(addedUser.error());
            }
            user = *addedUser;
        }
        assistant.conversationId = conversation.id;
        assistant.parentId = user.id;
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
        if (auto leaf = m_messages.setCurrentLeaf(conversation.id, assistant.id); !leaf) {
            return leaf;
        }
        if (auto touched = m_conversations.touch(conversation.id); !touched) {
            return touched;
        }
        // The request carries the branch up to the question, without failed or empty answers.
        auto history = m_messages.pathTo(user.id);
        if (!history) {
            return fail(history.error());
        }
        turn->spec.request.model = model;
        turn->spec.request.systemPrompt = conversation.systemPrompt;
        // Set for this request, else the conversation's own, else the provider's default.
        turn->spec.request.maxTokens = options.maxTokens ? options.maxTokens : conversation.maxTokens;
        turn->spec.request.temperature = options.temperature ? options.temperature : conversation.temperature;
        turn->spec.request.stream = options.stream;
        turn->spec.request.correlationId = turn->start.correlationId;
        for (const Message& message : *history) {
            if (message.id == assistant.id || message.content.isEmpty() || message.state == MessageState::Failed) {
                continue;
            }
            turn->spec.request.messages.push_back({message.role, message.content, message.images});
        }
        // The oldest messages the user agreed to leave out; the question itself always goes.
        auto& sent = turn->spec.request.messages;
        const int leaveOut = std::clamp(options.leaveOutOldest, 0, std::max(0, int(sent.size()) - 1));
        if (leaveOut > 0) {
            sent.erase(sent.begin(), sent.begin() + leaveOut);
            if (auto recorded = m_messages.setLeftOut(assistant.id, leaveOut); !recorded) {
                return recorded;
            }
            assistant.leftOut = leaveOut;
            turn->leftOut = leaveOut;
        }
        const qint64 inputTokens = requestInputTokens(turn->spec.request);
        const CatalogModel* known = ModelCatalog::builtIn().find(priceVendorOf(*provider), model);
        // A conversation long enough for the provider's prompt cache marks its stable prefix, so the next turn
        // reads it at the cached rate (unless the store's usage settings turn it off).
        turn->spec.request.promptCache =
            m_ledger && m_ledger->promptCaching() &&
            inputTokens >= (known ? known->promptCacheMinimum() : CatalogModel::defaultCacheMinTokens);
        // Never a silent truncation: a request that cannot fit the model's window is refused before it leaves.
        if (known && known->contextWindow > 0) {
            const qint64 answer = turn->spec.request.maxTokens.value_or(0);
            if (inputTokens + answer > known->contextWindow) {
                return fail(
                    ErrorCode::ContextTooLong,
                    QStringLiteral("%1 input tokens%2 do not fit %3's window of %4 tokens; leave out the "
                                   "oldest turns or start a new conversation")
                        .arg(inputTokens)
                        .arg(answer > 0 ? QStringLiteral(" and %1 for the answer").arg(answer) : QString(), model)
                        .arg(known->contextWindow));
            }
        }
        // Budgets and limits: the request's most expensive outcome is reserved before it leaves; a refusal undoes
        // everything above, so nothing is stored and nothing is sent.
        if (m_budgets) {
            auto reserved = m_budgets->reserve(actor, m_budgets->estimate(*provider, model, inputTokens,
                                                                          turn->spec.request.maxTokens,
                                                                          turn->spec.request.promptCache));
            if (!reserved) {
                return fail(reserved.error());
            }
            turn->reservationId = reserved->id;
            turn->start.budgetWarnings = reserved->warnings;
        }
        return {};
    });
    if (!stored) {
        Error error = stored.error();
        error.correlationId = turn->start.correlationId;
        if (error.code == ErrorCode::QuotaExceeded || error.code == ErrorCode::QuotaRateLimited ||
            error.code == ErrorCode::ContextTooLong) {
            error.subject = provider->name + QLatin1Char('/') + model;
            log("chat")->warn("cid={} not sent: {}", turn->start.correlationId, error.toLogString());
        } else {
            log("chat")->error("cid={} could not store the prompt: {}", turn->start.correlationId, error.toLogString());
        }
        return fail(error);
    }

    turn->start.conversationId = conversation.id;
    turn->start.userMessageId = user.id;
    turn->start.assistantMessageId = assistant.id;
    m_active.insert(assistant.id, turn);
    log("chat")->info("cid={} conversation={} provider={} model={} history={} sending", turn->start.correlationId,
                      conversation.id, provider->name, model, turn->spec.request.messages.size());
    Q_EMIT turnStarted(turn->start);

    // The answer starts from the event loop, never inside send(): callers get the ids back before any
    // delta or turnFinished can arrive, even when the key resolves (or fails) synchronously.
    const qint64 messageId = assistant.id;
    QTimer::singleShot(0, this, [this, messageId] { begin(messageId); });
    return turn->start;
}

void ChatService::begin(qint64 assistantMessageId) {
    const auto turn = m_active.value(assistantMessageId);
    if (!turn) {
        return;
    }
    // The runner answers from the cache or asks the provider through the resilience layer.
    turn->reply = m_runner.run(turn->spec);
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

bool ChatService::stop(const Actor& actor, qint64 assistantMessageId) {
    const auto turn = m_active.value(assistantMessageId);
    if (!turn || turn->ownerId != actor.userId) {
        return false;
    }
    return stopTurn(assistantMessageId);
}

bool ChatService::stopTurn(qint64 assistantMessageId) {
    const auto turn = m_active.value(assistantMessageId);
    if (!turn) {
        return false;
    }
    if (turn->reply) {
        turn->reply->cancel(); // finishes the turn through handleReplyFinished
    } else {
        // Nothing sent yet (the key is still being read): end the turn now.
        finishTurn(assistantMessageId, fail(ErrorCode::Cancelled, QStringLiteral("stopped before sending")));
    }
    return true;
}

LedgerEntry ChatService::ledgerEntryFor(const ActiveTurn& turn, const Message& message) const {
    LedgerEntry entry;
    entry.at = m_clock.nowUtc();
    entry.accountId = turn.ownerId;
    entry.provider = message.providerName;
    entry.model = turn.start.model;
    entry.modelReported = message.model;
    entry.feature = QStringLiteral("chat");
    entry.conversationId = message.conversationId;
    entry.messageId = message.id;
    entry.latencyMs = message.latencyMs;
    entry.firstTokenMs = message.ttftMs;
    entry.correlationId = message.correlationId;
    entry.viaFallback = message.viaFallback;
    entry.retries = std::max(0, message.attempts - 1 - (message.viaFallback ? 1 : 0));
    entry.setUsage(message.usage.value_or(Usage{}));
    if (message.cacheHit) {
        entry.outcome = QStringLiteral("cached");
    } else if (message.state == MessageState::Complete) {
        entry.outcome = QStringLiteral("complete");
    } else if (message.state == MessageState::Incomplete) {
        entry.outcome = QStringLiteral("incomplete");
    } else {
        entry.outcome = QStringLiteral("failed");
    }
    const bool noUsage = !message.usage.has_value();
    if ((entry.estimated || (noUsage && !message.content.isEmpty())) && !message.cacheHit) {
        // The provider reported no usage (a stream cut short, a server without usage): count what was sent and
        // what came back with the tokenizer, and say it is an estimate.
        QString sent = turn.spec.request.systemPrompt;
        for (const ChatTurn& part : turn.spec.request.messages) {
            sent += part.content;
        }
        entry.estimateUsage(sent, message.content);
    }
    // The ledger prices it: nothing for an answer from the cache, else the price in effect now (unknown when none).
    return m_ledger ? m_ledger->priced(std::move(entry)) : entry;
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
    message.parentId = turn->start.userMessageId;
    message.role = Role::Assistant;
    message.providerName = turn->start.providerName;
    message.model = turn->start.model;
    message.correlationId = turn->start.correlationId;
    message.leftOut = turn->leftOut;
    if (result) {
        message.content = result->text;
        message.state = MessageState::Complete;
        if (!result->providerName.isEmpty()) {
            message.providerName = result->providerName;
        }
        if (!result->model.isEmpty()) {
            message.model = result->model;
        }
        message.attempts = result->attempts;
        message.cacheHit = result->cacheHit;
        message.viaFallback = result->viaFallback;
        message.finishReason = result->finishReason;
        message.usage = result->usage;
        message.ttftMs = result->ttftMs >= 0 ? std::optional<qint64>(result->ttftMs) : std::nullopt;
        message.latencyMs = result->latencyMs;
    } else {
        Error error = result.error();
        error.correlationId = turn->start.correlationId;
        message.content = turn->reply ? turn->reply->text() : turn->text;
        message.attempts = turn->reply ? turn->reply->attemptCount() : 1;
        message.state = message.content.isEmpty() ? MessageState::Failed : MessageState::Incomplete;
        message.errorCode = QString(codeName(error.code));
        outcome.error = error;
        log("chat")->warn("cid={} answer {} ended {}: {}", turn->start.correlationId, assistantMessageId,
                          messageStateName(message.state), error.toLogString());
    }
    // The answer and its ledger entry are stored together: one never lands without the other.
    auto status = m_db.transaction([&]() -> Status {
        if (auto finished = m_messages.finish(message); !finished) {
            return finished;
        }
        if (m_budgets) {
            if (auto settled = m_budgets->settle(turn->reservationId); !settled) {
                return settled;
            }
        }
        if (m_ledger) {
            const LedgerEntry entry = ledgerEntryFor(*turn, message);
            if (auto recorded = m_ledger->record(entry); !recorded) {
                return fail(recorded.error());
            }
            outcome.costMicros = entry.costMicros;
            outcome.costExact = entry.costMicros && !entry.estimated;
            message.costRecorded = true;
            message.costMicros = entry.costMicros;
        }
        return {};
    });
    if (!status) {
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
