#include "chat/TitleService.h"

#include "tokenizer/TokenCounter.h"
#include "usage/BudgetGuard.h"
#include "usage/UsageLedger.h"

#include "accounts/FeatureFlags.h"

#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "providers/RequestRunner.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SettingsRepository.h"

#include <QPointer>

#include <memory>

namespace Tessera::Core {

TitleService::TitleService(ChatService& chat, const ConversationRepository& conversations,
                           const MessageRepository& messages, const ProviderRepository& providers,
                           const RequestRunner& runner, const SettingsRepository& settings, QObject* parent)
    : QObject(parent)
    , m_conversations(conversations)
    , m_messages(messages)
    , m_providers(providers)
    , m_runner(runner)
    , m_settings(settings) {
    connect(&chat, &ChatService::turnFinished, this, &TitleService::handleTurnFinished);
}

bool TitleService::enabled(const Actor& actor) const {
    return m_settings.personalValue(actor.userId, settingKey) == QLatin1StringView("on");
}

Status TitleService::setEnabled(const Actor& actor, bool enabled) const {
    return m_settings.setPersonalValue(actor.userId, settingKey,
                                       enabled ? QStringLiteral("on") : QStringLiteral("off"));
}

QString TitleService::cleanTitle(const QString& answer) {
    QString title = answer.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    if (title.startsWith(QLatin1StringView("Title:"), Qt::CaseInsensitive)) {
        title = title.mid(6).trimmed();
    }
    static const QString quotes = QStringLiteral("\"'“”„«»*#`");
    while (!title.isEmpty() && quotes.contains(title.front())) {
        title.remove(0, 1);
    }
    while (!title.isEmpty() && (quotes.contains(title.back()) || title.back() == QLatin1Char('.'))) {
        title.chop(1);
    }
    title = title.simplified();
    return title.size() <= 60 ? title : title.left(57) + QStringLiteral("...");
}

void TitleService::handleTurnFinished(const TurnOutcome& outcome) {
    if (outcome.error) {
        return;
    }
    const qint64 conversationId = outcome.message.conversationId;
    auto conversation = m_conversations.get(conversationId);
    if (!conversation || m_settings.personalValue(conversation->ownerId, settingKey) != QLatin1StringView("on")) {
        return; // its owner has not asked for titles
    }
    if (m_flags && !m_flags->enabledForAccount(conversation->ownerId, Feature::AutoTitles)) {
        return; // switched off for this person
    }
    auto path = m_messages.path(conversationId);
    if (!path || !conversation || path->size() != 2 || path->front().role != Role::User ||
        conversation->title != ChatService::titleFromPrompt(path->front().content)) {
        return; // not the first exchange, or the user already named it
    }
    auto provider = m_providers.findByName(outcome.message.providerName);
    if (!provider) {
        return;
    }
    ChatRequest request;
    request.model = outcome.message.model;
    request.stream = false;
    request.maxTokens = 24;
    request.correlationId = newCorrelationId();
    request.messages.push_back(
        {Role::User, QStringLiteral("Write a title of at most six words for a conversation that begins with the "
                                    "question below. Answer with the title only, in the question's language.\n\n") +
                         path->front().content.left(4000)});
    qint64 reservationId = 0;
    if (m_budgets) {
        auto reserved = m_budgets->reserveForAccount(
            conversation->ownerId,
            m_budgets->estimate(*provider, request.model,
                                countTokens(request.messages.front().content, request.model).tokens,
                                request.maxTokens));
        if (!reserved) {
            log("chat")->info("conversation {}: no automatic title: {}", conversationId,
                              reserved.error().toLogString());
            return;
        }
        reservationId = reserved->id;
    }
    const QString firstTitle = conversation->title;
    // Through the runner: the same retries, breaker, rate limiter and metrics as an answer; never cached.
    RunSpec spec;
    spec.provider = *provider;
    spec.request = request;
    spec.cache = CacheMode::NoStore;
    spec.purpose = RequestPurpose::Title;
    spec.requesterId = conversation->ownerId;
    auto reply = std::shared_ptr<RunningRequest>(m_runner.run(std::move(spec)).release(),
                                                 [](RunningRequest* r) { r->deleteLater(); });
    QPointer<TitleService> self(this);
    LedgerEntry entry;
    entry.accountId = conversation->ownerId;
    entry.provider = provider->name;
    entry.model = request.model;
    entry.feature = QStringLiteral("title");
    entry.conversationId = conversationId;
    entry.correlationId = request.correlationId;
    const QString sent = request.messages.front().content;
    connect(reply.get(), &ProviderReply::finished, this,
            [self, reply, conversationId, firstTitle, entry, sent, reservationId](const ChatResult& result) mutable {
                reply.reset(); // deleted later, after this signal
                if (self && self->m_ledger) {
                    // The title request's usage, as for an answer: the provider's figures, else an estimate.
                    entry.setResult(result, sent);
                    if (auto recorded = self->m_ledger->record(entry); !recorded) {
                        log("chat")->warn("cid={} the title request's usage was not recorded: {}", entry.correlationId,
                                          recorded.error().toLogString());
                    }
                }
                if (self && self->m_budgets) {
                    (void)self->m_budgets->settle(reservationId);
                }
                if (!self || !result) {
                    log("chat")->info("conversation {}: no automatic title ({})", conversationId,
                                      result ? QStringLiteral("gone") : result.error().toLogString());
                    return;
                }
                const QString title = cleanTitle(result->text);
                auto current = self->m_conversations.get(conversationId);
                if (title.isEmpty() || !current || current->title != firstTitle) {
                    return; // renamed meanwhile, or nothing usable
                }
                if (self->m_conversations.rename(conversationId, title)) {
                    Q_EMIT self->titleChanged(conversationId, title);
                }
            });
}

} // namespace Tessera::Core
