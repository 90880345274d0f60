#pragma once

#include "common/Actor.h"

#include "exchange/ConversationFormats.h"

#include <QString>

#include <functional>
#include <vector>

namespace Tessera::Core {

class AuditLog;
class FeatureFlags;

class Clock;
class ConversationRepository;
class Database;
class MessageRepository;
class ProviderRepository;

enum class ExportFormat { Markdown, Json };

struct ImportReport {
    QString format; // "tessera" or "chatgpt"
    int conversations = 0;
    int messages = 0;
    std::vector<qint64> conversationIds;
};

// Moves conversations between the store and files: export one or all as Tessera JSON (every branch and image)
// or Markdown (the branch shown), and import Tessera or ChatGPT exports all at once or not at all.
class ConversationExchange final {
public:
    ConversationExchange(const Database& db, const ConversationRepository& conversations,
                         const MessageRepository& messages, const ProviderRepository& providers, const Clock& clock);

    // Export and import flags and the audit log (both optional).
    void setAccessControl(const FeatureFlags* flags, const AuditLog* audit);

    Result<PortableConversation> collect(const Actor& actor, qint64 conversationId) const;
    Result<std::vector<PortableConversation>> collectAll(const Actor& actor) const;
    // The conversations of the actor's among `ids`, for an export made in parts (one left out when it is gone); the
    // export is recorded once, when its file is written (recordExport).
    Result<std::vector<PortableConversation>> collectSome(const Actor& actor, const std::vector<qint64>& ids) const;
    Status recordExport(const Actor& actor, const QString& target, const QString& detail) const;

    // The file's bytes for the conversations: JSON holds them all; Markdown puts them one after the other.
    QByteArray render(const std::vector<PortableConversation>& conversations, ExportFormat format) const;
    // Writes the file atomically (a partial file never replaces an existing one). Errors: export.failed.
    Status writeFile(const QString& path, const QByteArray& bytes) const;

    // Work that lands with an import or not at all (a background job noting it is done), run inside its transaction
    // once the conversations are added; its failure undoes the import.
    using InTransaction = std::function<Status(const ImportReport&)>;
    // Adds the conversations in one transaction: everything or nothing.
    Result<ImportReport> import(const Actor& actor, const std::vector<PortableConversation>& conversations,
                                const QString& format, const InTransaction& then = {}) const;
    // Reads (at most ImportLimits::maxFileBytes), checks and imports a file. Errors: import.invalid, store.*.
    Result<ImportReport> importFile(const Actor& actor, const QString& path, const InTransaction& then = {}) const;
    Status requireAllowed(const Actor& actor, Permission permission) const;

private:
    Result<PortableConversation> collectOne(const Actor& actor, qint64 conversationId) const;

    const FeatureFlags* m_flags = nullptr;
    const AuditLog* m_audit = nullptr;
    const Database& m_db;
    const ConversationRepository& m_conversations;
    const MessageRepository& m_messages;
    const ProviderRepository& m_providers;
    const Clock& m_clock;
};

} // namespace Tessera::Core
