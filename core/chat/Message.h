#pragma once

#include "providers/Usage.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Tessera::Core {

// Whether messages are read with their images' bytes, or with each image's type and name only (the bytes read
// later with imagesOf, for the messages that are shown).
enum class ImageBytes { Load, Later };

// An image in a user message (a pasted screenshot, a photo), stored with the message and sent inline to models
// that accept images. See chat/Attachments.h for what is accepted.
struct ImageAttachment {
    QString mimeType; // image/png, image/jpeg, image/webp, image/gif
    QByteArray data;  // the raw bytes (not base64)
    QString name;     // the file name, or "" for a pasted image

    bool operator==(const ImageAttachment&) const = default;
};

enum class Role { System, User, Assistant };

// Which template version produced a user message, and the values it was given (core/prompts). The name is the
// template's name when it was sent (a rename follows it); the template may since have been removed.
struct TemplateUse {
    qint64 templateId = 0;
    QString name;
    int version = 0;
    QMap<QString, QString> values; // as given (defaults not included)

    bool operator==(const TemplateUse&) const = default;
};

// A person's rating of an answer, with tags from the administrators' list and a comment (core/prompts/Feedback.h).
// Stored with the answer, never sent anywhere.
struct Feedback {
    qint64 messageId = 0;
    bool positive = true;
    QStringList tags;
    QString comment;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool operator==(const Feedback&) const = default;
};

// complete: finished normally. streaming: being written now. incomplete: stopped by the user, cut off, or
// failed after some text arrived (the text is kept). failed: the request failed before any text.
enum class MessageState { Complete, Streaming, Incomplete, Failed };

struct Message {
    qint64 id = 0;
    qint64 conversationId = 0;
    std::optional<qint64> parentId; // the message this one follows; none for the first of a conversation
    Role role = Role::User;
    QString content;
    MessageState state = MessageState::Complete;
    QString providerName;
    QString model;
    QString finishReason;
    std::optional<Usage> usage;
    std::optional<qint64> ttftMs;
    std::optional<qint64> latencyMs;
    QString errorCode;
    QString correlationId;
    int attempts = 1;                       // requests it took (retries and fallbacks included)
    bool cacheHit = false;                  // served from the response cache at no token cost
    bool viaFallback = false;               // answered by the conversation's fallback model
    int leftOut = 0;                        // answers: the oldest messages its request left out to fit the window
    bool costRecorded = false;              // the ledger has this answer (its cost below, or unknown)
    std::optional<qint64> costMicros;       // what it cost, in micro-dollars; unset: unknown (no price) or not recorded
    std::vector<ImageAttachment> images;    // user messages only
    std::optional<TemplateUse> templateUse; // user messages sent from a template
    std::optional<Feedback> feedback;       // answers rated by their conversation's owner
    // Filled when read as part of a branch (MessageRepository::path): this message's place among the messages
    // that follow the same parent (edits and regenerations), counted from 0.
    int siblingIndex = 0;
    int siblingCount = 1;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool operator==(const Message&) const = default;
};

QLatin1StringView roleName(Role role);
std::optional<Role> parseRole(const QString& text);
QLatin1StringView messageStateName(MessageState state);
std::optional<MessageState> parseMessageState(const QString& text);

} // namespace Tessera::Core
