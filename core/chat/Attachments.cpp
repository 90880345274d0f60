#include "chat/Attachments.h"

#include <QFile>
#include <QFileInfo>

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
