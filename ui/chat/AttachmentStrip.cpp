#include "chat/AttachmentStrip.h"

#include "chat/ImageImport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QToolButton>

namespace Tessera::Ui {

namespace {
constexpr int kThumbnailSide = 56;
}

AttachmentStrip::AttachmentStrip(QWidget* parent)
    : QWidget(parent)
    , m_row(new QHBoxLayout)
    , m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("attachmentStrip"));
    setAccessibleName(tr("Attached images"));
    m_summary->setObjectName(QStringLiteral("attachmentSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(6);
    layout->addLayout(m_row);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    hide();
}

void AttachmentStrip::add(const Core::ImageAttachment& image) {
    m_images.push_back(image);
    rebuild();
}

void AttachmentStrip::removeAt(std::size_t index) {
    if (index < m_images.size()) {
        m_images.erase(m_images.begin() + qsizetype(index));
        rebuild();
    }
}

void AttachmentStrip::clear() {
    if (!m_images.empty()) {
        m_images.clear();
        rebuild();
    }
}

void AttachmentStrip::rebuild() {
    while (QLayoutItem* item = m_row->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    qint64 bytes = 0;
    for (std::size_t i = 0; i < m_images.size(); ++i) {
        const Core::ImageAttachment& image = m_images[i];
        bytes += image.data.size();
        const QString name = image.name.isEmpty() ? tr("Pasted image %1").arg(i + 1) : image.name;
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("attachment%1").arg(i));
        button->setIcon(QPixmap::fromImage(thumbnailOf(image, kThumbnailSide)));
        button->setIconSize(QSize(kThumbnailSide, kThumbnailSide));
        button->setToolTip(tr("%1 — click to remove it").arg(name));
        button->setAccessibleName(tr("Remove %1").arg(name));
        button->setAutoRaise(true);
        connect(button, &QToolButton::clicked, this, [this, i] { removeAt(i); });
        m_row->addWidget(button);
    }
    m_summary->setText(
        m_images.empty()
            ? QString()
            : tr("%n image(s), %1", nullptr, int(m_images.size())).arg(QLocale().formattedDataSize(bytes)));
    setVisible(!m_images.empty());
    Q_EMIT changed();
}

} // namespace Tessera::Ui
