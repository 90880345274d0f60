#include "chat/ConversationService.h"

#include "audit/AuditLog.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/DraftRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SearchRepository.h"
#include "storage/TagRepository.h"

namespace Tessera::Core {

ConversationService::ConversationService(const Dependencies& deps)
    : m_deps(deps) {
}

Status ConversationService::requireConversation(const Actor& actor, qint64 id) const {
    auto conversation = m_deps.conversations.get(id, actor.userId);
    if (!conversation) {
        return fail(conversation.error());
    }
    return {};
}

Result<std::vector<Conversation>> ConversationService::list(const Actor& actor, ListScope scope,
                                                            const QString& tag) const {
    return m_deps.conversations.list(scope, tag, actor.userId);
}

Result<Conversation> ConversationService::get(const Actor& actor, qint64 id) const {
    // Another account's conversation answers as one that does not exist: ids guessed by number tell nothing.
    return m_deps.conversations.get(id, actor.userId);
}

Status ConversationService::rename(const Actor& actor, qint64 id, const QString& title) const {
    if (auto owned = requireConversation(actor, id); !owned) {
        return owned;
    }
    if (title.simplified().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the title is empty"));
    }
    if (title.simplified().size() > ConversationLimits::maxTitleLength) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the title has %1 characters; the limit is %2")
                                                    .arg(title.simplified().size())
                                                    .arg(ConversationLimits::maxTitleLength));
    }
    return m_deps.conversations.rename(id, title);
}

Status ConversationService::setPinned(const Actor& actor, qint64 id, bool pinned) const {
    if (auto owned = requireConversation(actor, id); !owned) {
        return owned;
    }
    return m_deps.conversations.setPinned(id, pinned);
}

Status ConversationService::setArchived(const Actor& actor, qint64 id, bool archived) const {
    if (auto owned = requireConversation(actor, id); !owned) {
        return owned;
    }
    return m_deps.conversations.setArchived(id, archived);
}

Status ConversationService::remove(const Actor& actor, qint64 id) const {
    if (auto owned = requireConversation(actor, id); !owned) {
        return owned;
    }
    return m_deps.db.transaction([&]() -> Status {
        if (auto removed = m_deps.conversations.remove(id); !removed) {
            return removed;
        }
        return recordDeletion(actor, id);
    });
}

Status ConversationService::moveToTrash(const Actor& actor, qint64 id) const {
    if (auto owned = requireConversation(actor, id); !owned) {
        return owned;
    }
    // A deletion the person may still undo; recorded now, as the moment they deleted it.
    return m_deps.db.transaction([&]() -> Status {
        if (auto trashed = m_deps.conversations.moveToTrash(id); !trashed) {
            return trashed;
        }
        return recordDeletion(actor, id);
    });
}

Status ConversationService::recordDeletion(const Actor& actor, qint64 id) const {
    if (!m_audit) {
        return {};
    }
    return m_audit->record(actor, {QStringLiteral("conversation.delete"),
                                   QStringLiteral("conversation:%1").arg(id),
                                   AuditOutcome::Success,
                                   QString(),
                                   {}});
}

Status ConversationService::restoreFromTrash(const Actor& actor, qint64 id) const {
    // In the trash the conversation is out of every list; its owner is checked on the row itself.
    auto conversation = m_deps.conversations.get(id);
    if (!conversation || conversation->ownerId != actor.userId) {
        return fail(ErrorCode::NotFound, QStringLiteral("no conversation with id %1").arg(id));
    }
    return m_deps.conversations.restoreFromTrash(id);
}

Result<int> ConversationService::emptyTrash(const Actor& /*actor*/) const {
    return m_deps.conversations.emptyTrash();
}

Status ConversationService::validateSystemPrompt(const QString& systemPrompt) {
    if (systemPrompt.size() > maxSystemPromptCharacters) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the system prompt has %1 characters; the limit is %2")
                                                    .arg(systemPrompt.size())
                                                    .arg(maxSystemPromptCharacters));
    }
    return {};
}

Result<ConversationSettings> ConversationService::settings(const Actor& actor, qint64 id) const {
    auto conversation = get(actor, id);
    if (!conversation) {
        return fail(conversation.error());
    }
    ConversationSettings settings;
    settings.systemPrompt = conversation->systemPrompt;
    settings.temperature = conversation->temperature;
    settings.maxTokens = conversation->maxTokens;
    settings.fallbackProviderId = conversation->fallbackProviderId;
    settings.fallbackModel = conversation->fallbackModel;
    return settings;
}

Status ConversationService::updateSettings(const Actor& actor, qint64 id, const ConversationSettings& settings) const {
    if (auto owned = requireConversation(actor, id); !owned) {
        return owned;
    }
    if (auto valid = validateGeneration(settings.temperature, settings.maxTokens); !valid) {
        return valid;
    }
    if (auto valid = validateSystemPrompt(settings.systemPrompt); !valid) {
        return valid;
    }
    if (settings.fallbackProviderId) {
        if (auto provider = m_deps.providers.findById(*settings.fallbackProviderId); !provider) {
            return fail(provider.error());
        }
    }
    return m_deps.db.transaction([&]() -> Status {
        if (auto s = m_deps.conversations.setSystemPrompt(id, settings.systemPrompt); !s) {
            return s;
        }
        if (auto s = m_deps.conversations.setGeneration(id, settings.temperature, settings.maxTokens); !s) {
            return s;
        }
        return m_deps.conversations.setFallback(id, settings.fallbackProviderId,
                                                settings.fallbackProviderId ? settings.fallbackModel : QString());
    });
}

Result<Message> ConversationService::message(const Actor& actor, qint64 messageId) const {
    auto found = m_deps.messages.get(messageId);
    if (!found) {
        return fail(found.error());
    }
    if (auto owned = requireConversation(actor, found->conversationId); !owned) {
        // The same answer as for an id nobody has.
        return fail(ErrorCode::NotFound, QStringLiteral("no message with id %1").arg(messageId));
    }
    return found;
}

Result<std::vector<Message>> ConversationService::branch(const Actor& actor, qint64 conversationId,
                                                         ImageBytes bytes) const {
    if (auto found = get(actor, conversationId); !found) {
        return fail(found.error());
    }
    return m_deps.messages.path(conversationId, bytes);
}

Result<std::vector<ImageAttachment>> ConversationService::images(const Actor& actor, qint64 messageId) const {
    if (auto owned = message(actor, messageId); !owned) {
        return fail(owned.error());
    }
    return m_deps.messages.imagesOf(messageId);
}

Result<std::vector<qint64>> ConversationService::versions(const Actor& actor, qint64 messageId) const {
    if (auto owned = message(actor, messageId); !owned) {
        return fail(owned.error());
    }
    return m_deps.messages.siblings(messageId);
}

Status ConversationService::showVersion(const Actor& actor, qint64 messageId) const {
    auto target = message(actor, messageId);
    if (!target) {
        return fail(target.error());
    }
    auto leaf = m_deps.messages.newestLeafUnder(messageId);
    if (!leaf) {
        return fail(leaf.error());
    }
    return m_deps.messages.setCurrentLeaf(target->conversationId, *leaf);
}

Status ConversationService::removeMessage(const Actor& actor, qint64 messageId) const {
    if (auto owned = message(actor, messageId); !owned) {
        return fail(owned.error());
    }
    return m_deps.messages.remove(messageId);
}

Result<QString> ConversationService::draft(const Actor& actor, std::optional<qint64> conversationId) const {
    // Drafts are kept per account, so another account's conversation id finds nothing of theirs.
    return m_deps.drafts.load(conversationId.value_or(ConversationLimits::newConversation), actor.userId);
}

Status ConversationService::saveDraft(const Actor& actor, std::optional<qint64> conversationId,
                                      const QString& text) const {
    if (conversationId) {
        if (auto owned = requireConversation(actor, *conversationId); !owned) {
            return owned;
        }
    }
    return m_deps.drafts.save(conversationId.value_or(ConversationLimits::newConversation), text, actor.userId);
}

Result<std::vector<TagUse>> ConversationService::tags(const Actor& actor, ListScope scope) const {
    return m_deps.tags.list(scope, actor.userId);
}

Result<QStringList> ConversationService::tagsOf(const Actor& actor, qint64 conversationId) const {
    if (auto found = requireConversation(actor, conversationId); !found) {
        return fail(found.error());
    }
    return m_deps.tags.tagsOf(conversationId);
}

Status ConversationService::setTags(const Actor& actor, qint64 conversationId, const QStringList& names) const {
    if (auto owned = requireConversation(actor, conversationId); !owned) {
        return owned;
    }
    return m_deps.tags.setTags(conversationId, names);
}

Status ConversationService::addTags(const Actor& actor, qint64 conversationId, const QStringList& names) const {
    if (auto owned = requireConversation(actor, conversationId); !owned) {
        return owned;
    }
    return m_deps.db.transaction([&] { return m_deps.tags.addTags(conversationId, names); });
}

Status ConversationService::removeTags(const Actor& actor, qint64 conversationId, const QStringList& names) const {
    if (auto owned = requireConversation(actor, conversationId); !owned) {
        return owned;
    }
    return m_deps.db.transaction([&] { return m_deps.tags.removeTags(conversationId, names); });
}

Status ConversationService::renameTag(const Actor& actor, const QString& from, const QString& to) const {
    return m_deps.tags.rename(from, to, actor.userId);
}

Result<int> ConversationService::deleteTag(const Actor& actor, const QString& name) const {
    return m_deps.tags.remove(name, actor.userId);
}

Result<QString> ConversationService::cleanTag(const QString& name) {
    return TagRepository::clean(name);
}

Result<std::vector<SearchHit>> ConversationService::search(const Actor& actor, const QString& text,
                                                           const SearchOptions& options) const {
    SearchOptions own = options;
    own.ownerId = actor.userId;
    return m_deps.search.search(text, own);
}

} // namespace Tessera::Core
