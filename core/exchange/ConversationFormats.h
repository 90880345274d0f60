#pragma once

#include "chat/Message.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Tessera::Core {

// A message as it travels between stores: keys are local to the file; a parent key always refers to a message
// earlier in the list, so the messages can be written in order.
struct PortableMessage {
    qint64 key = 0;
    std::optional<qint64> parentKey;
    Role role = Role::User;
    QString content;
    MessageState state = MessageState::Complete;
    QString providerName;
    QString model;
    QDateTime createdAt;
    std::optional<Usage> usage;
    std::vector<ImageAttachment> images;
    std::optional<TemplateUse> templateUse; // its id is local to a store: 0 in a file
    std::optional<Feedback> feedback;       // its message id is local to a store: 0 in a file

    bool operator==(const PortableMessage&) const = default;
};

// A conversation with every branch, independent of any store.
struct PortableConversation {
    QString title;
    QString providerName;
    QString model;
    QString systemPrompt;
    QDateTime createdAt;
    QDateTime updatedAt;
    std::vector<PortableMessage> messages;
    std::optional<qint64> currentLeafKey; // the branch shown
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    QStringList tags;
    bool pinned = false;
    bool archived = false;

    bool operator==(const PortableConversation&) const = default;
};

struct ImportLimits {
    static constexpr qint64 maxFileBytes = 512LL * 1024 * 1024;
    static constexpr int maxConversations = 100'000;
    static constexpr int maxMessagesPerConversation = 100'000;
    static constexpr qsizetype maxMessageCharacters = 4'000'000;
};

// Tessera's own export: {"format": "tessera-conversations", "version": 1, "conversations": [...]}, every branch
// and image included (images as base64), with the template each prompt came from and the rating of each answer. Keys
// are never secrets; nothing about providers but their names.
QByteArray toTesseraJson(const std::vector<PortableConversation>& conversations, const QDateTime& exportedAt);

// Markdown of the branch a conversation shows: title, model, system prompt, then each message under a heading.
QString toMarkdown(const PortableConversation& conversation);

// Reads a Tessera export or a ChatGPT conversations.json (detected by shape) into conversations, checking all
// of it first: types, roles, parents that exist and come first (no cycles), sizes and images. Errors are
// import.invalid with the place and the problem in Error::subject. format says which format was read.
Result<std::vector<PortableConversation>> readExport(const QByteArray& bytes, QString* format = nullptr);

} // namespace Tessera::Core
