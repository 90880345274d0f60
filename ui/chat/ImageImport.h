#pragma once

#include "chat/Message.h"
#include "common/Result.h"

class QImage;

namespace Tessera::Ui {

// Turns what the user pastes or picks into an image the providers accept: a pasted picture is encoded as PNG,
// and a picture larger than the limit (Core::ImageLimits) is re-encoded and scaled down until it fits, so a
// screenshot of a large screen can always be sent. Files that are not images are refused with a clear error.
Core::Result<Core::ImageAttachment> imageFromPicture(const QImage& picture, const QString& name = {});
Core::Result<Core::ImageAttachment> imageFromFile(const QString& path);

// A small picture of the image for lists and messages (an empty one when it cannot be decoded).
QImage thumbnailOf(const Core::ImageAttachment& image, int maxSide);

} // namespace Tessera::Ui
