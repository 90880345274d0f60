#pragma once

#include "chat/Message.h"
#include "common/Result.h"

#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

// The limits every provider accepts: Anthropic takes images up to 5 MB, and eight images keep a request well
// inside every provider's request size limit.
struct ImageLimits {
    static constexpr qint64 maxBytes = 5 * 1024 * 1024;
    static constexpr int maxPerMessage = 8;
};

// The image type by the file's content (its magic bytes), never by its name: "image/png", "image/jpeg",
// "image/webp" or "image/gif"; nullopt for anything else.
std::optional<QString> sniffImageType(const QByteArray& data);

// Reads an image file for attaching: checks the size before reading it all, then its type by content.
// Errors: attachment.too_large, attachment.unsupported (also when the file cannot be read).
Result<ImageAttachment> loadImageFile(const QString& path);

// A text or code file attached as context: its content goes into the message, as a fenced block named after it.
struct TextAttachment {
    QString name;
    QString content;

    bool operator==(const TextAttachment&) const = default;
};

struct TextLimits {
    static constexpr qint64 maxBytes = 256 * 1024;
};

// Reads a text file for attaching: at most TextLimits::maxBytes, valid UTF-8, no NUL bytes.
// Errors: attachment.too_large, attachment.unsupported (binary, not UTF-8, unreadable).
Result<TextAttachment> loadTextFile(const QString& path);

// The prompt with the files appended, each as "**name**" and a fenced block (its language from the extension;
// a longer fence when the file itself holds fences).
QString withTextAttachments(const QString& prompt, const std::vector<TextAttachment>& files);

// Checks images before they are stored or sent: each a supported type whose content matches its declared type,
// within the size limit, and no more than the per-message limit.
Status validateImages(const std::vector<ImageAttachment>& images);

} // namespace Tessera::Core
