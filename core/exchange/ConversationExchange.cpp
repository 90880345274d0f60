#include "exchange/ConversationExchange.h"

#include "accounts/FeatureFlags.h"
#include "audit/AuditLog.h"

#include "accounts/Authorization.h"

#include "chat/Conversation.h"
#include "common/Clock.h"
#include "exchange/ChatGptImport.h"
#include "logging/Logging.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/TagRepository.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <unordered_map>

namespace Tessera::Core {

ConversationExchange::ConversationExchange(const Database& db, const ConversationRepository& conversations,
                                           const MessageRepository& messages, const ProviderRepository& providers,
                                           const Clock& clock)
    : m_db(db)
    , m_conversations(conversations)
    , m_messages(messages)
    , m_providers(providers)
    , m_clock(clock) {
}

void ConversationExchange::setAccessControl(const FeatureFlags* flags, const AuditLog* audit) {
    m_flags = flags;
    m_audit = audit;
}

Status ConversationExchange::requireAllowed(const Actor& actor, Permission permission) const {
    if (auto allowed = require(actor, permission); !allowed) {
        if (m_audit) {
            (void)m_audit->record(
                actor,
                {permission == Permission::DataExport ? QStringLiteral("data.export") : QStringLiteral("data.import"),
                 QString(), AuditOutcome::Denied, QStringLiteral("lacks %1").arg(permissionName(permission)),
                 allowed.error().correlationId});
        }
        return allowed;
    }
    if (m_flags) {
        return m_flags->require(actor, permission == Permission::DataExport ? Feature::Export : Feature::Import);
    }
    return {};
}

Status ConversationExchange::recordExport(const Actor& actor, const QString& target, const QString& detail) const {
    if (!m_audit) {
        return {};
    }
    return m_audit->record(actor, {QStringLiteral("data.export"), target, AuditOutcome::Success, detail, {}});
}

Result<PortableConversation> ConversationExchange::collect(const Actor& actor, qint64 conversationId) const {
    if (auto allowed = requireAllowed(actor, Permission::DataExport); !allowed) {
        return fail(allowed.error());
    }
    auto one = collectOne(actor, conversationId);
    if (!one) {
        return one;
    }
    if (auto recorded = recordExport(actor, QStringLiteral("conversation:%1").arg(conversationId),
                                     QStringLiteral("1 conversation"));
        !recorded) {
        return fail(recorded.error());
    }
    return one;
}

Result<PortableConversation> ConversationExchange::collectOne(const Actor& actor, qint64 conversationId) const {
    auto conversation = m_conversations.get(conversationId, actor.userId);
    if (!conversation) {
        return fail(conversation.error());
    }
    auto messages = m_messages.listForConversation(conversationId);
    auto leaf = m_messages.currentLeaf(conversationId);
    if (!messages || !leaf) {
        return fail(!messages ? messages.error() : leaf.error());
    }
    PortableConversation portable;
    portable.title = conversation->title;
    portable.model = conversation->model;
    portable.systemPrompt = conversation->systemPrompt;
    portable.createdAt = conversation->createdAt;
    portable.updatedAt = conversation->updatedAt;
    portable.temperature = conversation->temperature;
    portable.maxTokens = conversation->maxTokens;
    portable.tags = conversation->tags;
    portable.pinned = conversation->pinned;
    portable.archived = conversation->archived;
    if (conversation->providerId) {
        if (auto provider = m_providers.findById(*conversation->providerId)) {
            portable.providerName = provider->name;
        }
    }
    for (const Message& message : *messages) {
        PortableMessage out;
        out.key = message.id; // ids increase, so a parent always comes first
        out.parentKey = message.parentId;
        out.role = message.role;
        out.content = message.content;
        out.state = message.state;
        out.providerName = message.providerName;
        out.model = message.model;
        out.createdAt = message.createdAt;
        out.usage = message.usage;
        out.images = message.images;
        out.templateUse = message.templateUse;
        if (out.templateUse) {
            out.templateUse->templateId = 0; // a store's own id
        }
        out.feedback = message.feedback;
        if (out.feedback) {
            out.feedback->messageId = 0;
        }
        portable.messages.push_back(std::move(out));
    }
    if (*leaf != 0) {
        portable.currentLeafKey = *leaf;
    }
    return portable;
}

Result<std::vector<PortableConversation>> ConversationExchange::collectAll(const Actor& actor) const {
    if (auto allowed = requireAllowed(actor, Permission::DataExport); !allowed) {
        return fail(allowed.error());
    }
    auto all = m_conversations.list(ListScope::All, {}, actor.userId);
    if (!all) {
        return fail(all.error());
    }
    std::vector<PortableConversation> conversations;
    for (const Conversation& conversation : *all) {
        auto one = collectOne(actor, conversation.id);
        if (!one) {
            return fail(one.error());
        }
        conversations.push_back(std::move(*one));
    }
    if (auto recorded = recordExport(actor, QStringLiteral("conversations:all"),
                                     QStringLiteral("%1 conversations").arg(conversations.size()));
        !recorded) {
        return fail(recorded.error());
    }
    return conversations;
}

Result<std::vector<PortableConversation>> ConversationExchange::collectSome(const Actor& actor,
                                                                            const std::vector<qint64>& ids) const {
    if (auto allowed = requireAllowed(actor, Permission::DataExport); !allowed) {
        return fail(allowed.error());
    }
    std::vector<PortableConversation> conversations;
    for (const qint64 id : ids) {
        auto one = collectOne(actor, id);
        if (!one && one.error().code == ErrorCode::NotFound) {
            continue; // deleted since the export began
        }
        if (!one) {
            return fail(one.error());
        }
        conversations.push_back(std::move(*one));
    }
    return conversations;
}

QByteArray ConversationExchange::render(const std::vector<PortableConversation>& conversations,
                                        ExportFormat format) const {
    if (format == ExportFormat::Json) {
        return toTesseraJson(conversations, m_clock.nowUtc());
    }
    QStringList parts;
    for (const PortableConversation& conversation : conversations) {
        parts << toMarkdown(conversation);
    }
    return parts.join(QStringLiteral("\n---\n\n")).toUtf8();
}

Status ConversationExchange::writeFile(const QString& path, const QByteArray& bytes) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(ErrorCode::ExportFailed, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return fail(ErrorCode::ExportFailed, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

Result<ImportReport> ConversationExchange::import(const Actor& actor,
                                                  const std::vector<PortableConversation>& conversations,
                                                  const QString& format, const InTransaction& then) const {
    if (auto allowed = requireAllowed(actor, Permission::DataImport); !allowed) {
        return fail(allowed.error());
    }
    ImportReport report;
    report.format = format;
    auto status = m_db.transaction([&]() -> Status {
        for (const PortableConversation& portable : conversations) {
            Conversation conversation;
            conversation.title = portable.title;
            conversation.model = portable.model;
            conversation.systemPrompt = portable.systemPrompt;
            conversation.createdAt = portable.createdAt;
            conversation.updatedAt = portable.updatedAt;
            conversation.temperature = portable.temperature;
            conversation.maxTokens = portable.maxTokens;
            if (!portable.providerName.isEmpty()) {
                if (auto provider = m_providers.findByName(portable.providerName)) {
                    conversation.providerId = provider->id;
                }
            }
            conversation.ownerId = actor.userId; // an import belongs to whoever imports it
            auto stored = m_conversations.restore(conversation);
            if (!stored) {
                return fail(stored.error());
            }
            if (!portable.tags.isEmpty()) {
                if (auto tagged = TagRepository(m_db).setTags(stored->id, portable.tags); !tagged) {
                    return tagged;
                }
            }
            if (portable.pinned) {
                if (auto pinned = m_conversations.setPinned(stored->id, true); !pinned) {
                    return pinned;
                }
            }
            if (portable.archived) {
                if (auto archived = m_conversations.setArchived(stored->id, true); !archived) {
                    return archived;
                }
            }
            std::unordered_map<qint64, qint64> idOf; // file key -> message id
            for (const PortableMessage& in : portable.messages) {
                Message message;
                message.conversationId = stored->id;
                if (in.parentKey) {
                    const auto parent = idOf.find(*in.parentKey);
                    if (parent == idOf.end()) {
                        return fail(importProblem(QStringLiteral("message %1").arg(in.key),
                                                  QStringLiteral("its parent comes later")));
                    }
                    message.parentId = parent->second;
                }
                message.role = in.role;
                message.content = in.content;
                message.state = in.state == MessageState::Streaming ? MessageState::Incomplete : in.state;
                message.providerName = in.providerName;
                message.model = in.model;
                message.createdAt = in.createdAt.isValid() ? in.createdAt : stored->createdAt;
                message.usage = in.usage;
                message.images = in.images;
                message.templateUse = in.templateUse;
                if (message.templateUse) {
                    message.templateUse->templateId = 0; // the template is of another store (or gone)
                }
                auto added = m_messages.add(message);
                if (!added) {
                    return fail(added.error());
                }
                if (in.feedback) {
                    Feedback rating = *in.feedback;
                    rating.messageId = added->id;
                    if (auto rated = m_messages.saveFeedback(rating, actor.userId); !rated) {
                        return rated;
                    }
                }
                idOf.emplace(in.key, added->id);
                ++report.messages;
            }
            const auto leaf = portable.currentLeafKey ? idOf.find(*portable.currentLeafKey) : idOf.end();
            if (leaf != idOf.end()) {
                if (auto set = m_messages.setCurrentLeaf(stored->id, leaf->second); !set) {
                    return set;
                }
            }
            report.conversationIds.push_back(stored->id);
            ++report.conversations;
        }
        if (then) {
            if (auto also = then(report); !also) {
                return also;
            }
        }
        if (!m_audit) {
            return {};
        }
        return m_audit->record(actor, {QStringLiteral("data.import"),
                                       QString(),
                                       AuditOutcome::Success,
                                       QStringLiteral("%1 conversations (%2 messages) from a %3 export")
                                           .arg(report.conversations)
                                           .arg(report.messages)
                                           .arg(format),
                                       {}});
    });
    if (!status) {
        return fail(status.error());
    }
    log("exchange")
        ->info("imported {} conversations ({} messages) from a {} export", report.conversations, report.messages,
               report.format);
    return report;
}

Result<ImportReport> ConversationExchange::importFile(const Actor& actor, const QString& path,
                                                      const InTransaction& then) const {
    if (auto allowed = requireAllowed(actor, Permission::DataImport); !allowed) {
        return fail(allowed.error());
    }
    const QFileInfo info(path);
    if (!info.isFile()) {
        return fail(importProblem(path, QStringLiteral("no such file")));
    }
    if (info.size() > ImportLimits::maxFileBytes) {
        return fail(importProblem(path, QStringLiteral("larger than 512 MB")));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(importProblem(path, QStringLiteral("cannot be read: %1").arg(file.errorString())));
    }
    const QByteArray bytes = file.read(ImportLimits::maxFileBytes + 1);
    QString format;
    auto conversations = readExport(bytes, &format);
    if (!conversations) {
        log("exchange")->warn("import of {} refused: {}", path, conversations.error().toLogString());
        return fail(conversations.error());
    }
    return import(actor, *conversations, format, then);
}

} // namespace Tessera::Core
