#include "widgets/ErrorBanner.h"

#include "widgets/ErrorText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace Tessera::Ui {

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this)) {
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#errorBanner { background: #fdecea; border: 1px solid #e0a19b; border-radius: 4px; }"
                                 "#errorBanner QLabel { color: #611a15; }"));
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText); // provider messages are untrusted text
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setObjectName(QStringLiteral("errorBannerText"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss error"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    setAccessibleName(tr("Error"));
    hide();
}

void ErrorBanner::showError(const Core::Error& error) {
    showMessage(describeError(error));
}

void ErrorBanner::showMessage(const QString& text) {
    m_label->setText(text);
    show();
}

QString ErrorBanner::text() const {
    return m_label->text();
}

} // namespace Tessera::Ui
