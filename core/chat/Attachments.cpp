#include "chat/Attachments.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace Tessera::Core {

std::optional<QString> sniffImageType(const QByteArray& data) {
    if (data.startsWith("\x89PNG\r\n\x1a\n")) {
        return QStringLiteral("image/png");
    }
    if (data.startsWith("\xff\xd8\xff")) {
        return QStringLiteral("image/jpeg");
    }
    if (data.startsWith("GIF87a") || data.startsWith("GIF89a")) {
        return QStringLiteral("image/gif");
    }
    if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP") {
        return QStringLiteral("image/webp");
    }
    return std::nullopt;
}

namespace {

QString megabytes(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

Error tooLarge(const QString& name, qint64 bytes) {
    return makeError(ErrorCode::AttachmentTooLarge, QStringLiteral("image %1 has %2 MB; the limit is %3 MB")
                                                        .arg(name, megabytes(bytes), megabytes(ImageLimits::maxBytes)));
}

} // namespace

Result<ImageAttachment> loadImageFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile()) {
        return fail(ErrorCode::AttachmentUnsupported, QStringLiteral("%1 is not a file").arg(path));
    }
    if (info.size() > ImageLimits::maxBytes) {
        return fail(tooLarge(path, info.size()));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::AttachmentUnsupported,
                    QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
    }
    // Read one byte past the limit, in case the file grew after it was measured.
    QByteArray data = file.read(ImageLimits::maxBytes + 1);
    if (data.size() > ImageLimits::maxBytes) {
        return fail(tooLarge(path, data.size()));
    }
    const auto type = sniffImageType(data);
    if (!type) {
        return fail(ErrorCode::AttachmentUnsupported,
                    QStringLiteral("%1 is not a PNG, JPEG, WebP or GIF image").arg(path));
    }
    return ImageAttachment{*type, std::move(data), info.fileName()};
}

Result<TextAttachment> loadTextFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile()) {
        return fail(ErrorCode::AttachmentUnsupported, QStringLiteral("%1 is not a file").arg(path));
    }
    if (info.size() > TextLimits::maxBytes) {
        return fail(ErrorCode::AttachmentTooLarge, QStringLiteral("%1 has %2 KB; a text file may have %3 KB")
                                                       .arg(path)
                                                       .arg((info.size() + 1023) / 1024)
                                                       .arg(TextLimits::maxBytes / 1024));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::AttachmentUnsupported,
                    QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = file.read(TextLimits::maxBytes + 1);
    if (bytes.size() > TextLimits::maxBytes) {
        return fail(ErrorCode::AttachmentTooLarge, QStringLiteral("%1 grew beyond the limit").arg(path));
    }
    if (bytes.contains('\0') || sniffImageType(bytes)) {
        return fail(ErrorCode::AttachmentUnsupported, QStringLiteral("%1 is not a text file").arg(path));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError()) {
        return fail(ErrorCode::AttachmentUnsupported, QStringLiteral("%1 is not UTF-8 text").arg(path));
    }
    return TextAttachment{info.fileName(), text};
}

QString withTextAttachments(const QString& prompt, const std::vector<TextAttachment>& files) {
    QString result = prompt;
    for (const TextAttachment& file : files) {
        const QString suffix = QFileInfo(file.name).suffix().toLower();
        QString fence = QStringLiteral("```");
        while (file.content.contains(fence)) {
            fence += QLatin1Char('`');
        }
        QString body = file.content;
        if (!body.endsWith(QLatin1Char('\n'))) {
            body += QLatin1Char('\n');
        }
        result += QStringLiteral("\n\n**%1**\n%2%3\n%4%2").arg(file.name, fence, suffix, body);
    }
    return result;
}

Status validateImages(const std::vector<ImageAttachment>& images) {
    if (images.size() > std::size_t(ImageLimits::maxPerMessage)) {
        return fail(ErrorCode::AttachmentTooLarge, QStringLiteral("%1 images; a message may carry at most %2")
                                                       .arg(images.size())
                                                       .arg(ImageLimits::maxPerMessage));
    }
    for (const ImageAttachment& image : images) {
        const QString name = image.name.isEmpty() ? QStringLiteral("(pasted)") : image.name;
        if (image.data.size() > ImageLimits::maxBytes) {
            return fail(tooLarge(name, image.data.size()));
        }
        const auto type = sniffImageType(image.data);
        if (!type) {
            return fail(ErrorCode::AttachmentUnsupported,
                        QStringLiteral("image %1 is not a PNG, JPEG, WebP or GIF image").arg(name));
        }
        if (*type != image.mimeType) {
            return fail(
                ErrorCode::AttachmentUnsupported,
                QStringLiteral("image %1 is declared %2 but its content is %3").arg(name, image.mimeType, *type));
        }
    }
    return {};
}

} // namespace Tessera::Core
