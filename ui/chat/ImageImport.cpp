#include "chat/ImageImport.h"

#include "chat/Attachments.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QPainter>

namespace Tessera::Ui {

namespace {

QByteArray encode(const QImage& picture, const char* format, int quality = -1) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, format, quality);
    return bytes;
}

} // namespace

Core::Result<Core::ImageAttachment> imageFromPicture(const QImage& picture, const QString& name) {
    if (picture.isNull()) {
        return Core::fail(Core::ErrorCode::AttachmentUnsupported, QStringLiteral("the picture is empty"));
    }
    // PNG keeps screenshots sharp; a picture too large as PNG becomes JPEG (on white where it was transparent),
    // then smaller until it fits.
    QByteArray bytes = encode(picture, "PNG");
    QString mimeType = QStringLiteral("image/png");
    if (bytes.size() > Core::ImageLimits::maxBytes) {
        QImage current(picture.size(), QImage::Format_RGB32);
        current.fill(Qt::white);
        {
            QPainter painter(&current);
            painter.drawImage(0, 0, picture);
        }
        bytes = encode(current, "JPEG", 85);
        mimeType = QStringLiteral("image/jpeg");
        for (int step = 0; bytes.size() > Core::ImageLimits::maxBytes && step < 16; ++step) {
            current = current.scaled(current.size() * 0.8, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            bytes = encode(current, "JPEG", 85);
        }
    }
    if (bytes.isEmpty() || bytes.size() > Core::ImageLimits::maxBytes) {
        return Core::fail(Core::ErrorCode::AttachmentTooLarge,
                          QStringLiteral("the picture could not be made smaller than the limit"));
    }
    QString fileName = name;
    if (!fileName.isEmpty() && mimeType == QLatin1StringView("image/jpeg")) {
        fileName = QFileInfo(fileName).completeBaseName() + QStringLiteral(".jpg");
    }
    return Core::ImageAttachment{mimeType, bytes, fileName};
}

Core::Result<Core::ImageAttachment> imageFromFile(const QString& path) {
    auto loaded = Core::loadImageFile(path);
    if (loaded || loaded.error().code != Core::ErrorCode::AttachmentTooLarge) {
        return loaded;
    }
    // Too large as it is: decode it (within a sane pixel budget) and make it smaller.
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage picture = reader.read();
    if (picture.isNull()) {
        return loaded;
    }
    return imageFromPicture(picture, QFileInfo(path).fileName());
}

QImage thumbnailOf(const Core::ImageAttachment& image, int maxSide) {
    QImage picture;
    if (!picture.loadFromData(image.data)) {
        return {};
    }
    if (picture.width() <= maxSide && picture.height() <= maxSide) {
        return picture;
    }
    return picture.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace Tessera::Ui
