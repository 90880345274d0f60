#include "chat/AttachmentStrip.h"

#include "style/Icons.h"

#include "chat/ImageImport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QStyle>
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

void AttachmentStrip::addFile(const Core::TextAttachment& file) {
    m_files.push_back(file);
    rebuild();
}

void AttachmentStrip::removeFileAt(std::size_t index) {
    if (index < m_files.size()) {
        m_files.erase(m_files.begin() + qsizetype(index));
        rebuild();
    }
}

void AttachmentStrip::clear() {
    if (!m_images.empty() || !m_files.empty()) {
        m_images.clear();
        m_files.clear();
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
    for (std::size_t i = 0; i < m_files.size(); ++i) {
        const Core::TextAttachment& file = m_files[i];
        bytes += file.content.toUtf8().size();
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("file%1").arg(i));
        button->setIcon(Style::icon(Style::Icon::FileText));
        button->setText(file.name);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setToolTip(tr("%1 — click to remove it").arg(file.name));
        button->setAccessibleName(tr("Remove %1").arg(file.name));
        button->setAutoRaise(true);
        connect(button, &QToolButton::clicked, this, [this, i] { removeFileAt(i); });
        m_row->addWidget(button);
    }
    QStringList parts;
    if (!m_images.empty()) {
        parts << tr("%n image(s)", nullptr, int(m_images.size()));
    }
    if (!m_files.empty()) {
        parts << tr("%n file(s)", nullptr, int(m_files.size()));
    }
    m_summary->setText(parts.isEmpty() ? QString()
                                       : parts.join(QStringLiteral(", ")) + QStringLiteral(", ") +
                                             QLocale().formattedDataSize(bytes));
    setVisible(!m_images.empty() || !m_files.empty());
    Q_EMIT changed();
}

} // namespace Tessera::Ui
