#include "widgets/ErrorBanner.h"

#include "style/Icons.h"
#include "style/Theme.h"
#include "widgets/ErrorText.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_details(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_toggleDetails(new QToolButton(this))
    , m_copyDetails(new QToolButton(this))
    , m_close(new QToolButton(this)) {
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));
    m_label->setObjectName(QStringLiteral("errorBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText); // provider messages are untrusted text
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("errorBannerDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->hide();
    m_retry->setObjectName(QStringLiteral("errorRetry"));
    m_retry->setAutoDefault(false);
    m_toggleDetails->setObjectName(QStringLiteral("errorDetailsToggle"));
    m_toggleDetails->setText(tr("Details"));
    m_toggleDetails->setCheckable(true);
    m_toggleDetails->setAutoRaise(true);
    m_toggleDetails->setToolTip(tr("Show the error code and correlation id"));
    m_copyDetails->setObjectName(QStringLiteral("errorCopyDetails"));
    m_copyDetails->setToolTip(tr("Copy the details"));
    m_copyDetails->setAccessibleName(tr("Copy the details"));
    m_copyDetails->setAutoRaise(true);
    m_copyDetails->hide();
    m_close->setObjectName(QStringLiteral("errorDismiss"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss error"));

    auto* top = new QHBoxLayout;
    top->setSpacing(Style::Space::one);
    top->addWidget(m_icon, 0, Qt::AlignTop);
    top->addWidget(m_label, 1);
    top->addWidget(m_retry, 0, Qt::AlignTop);
    top->addWidget(m_toggleDetails, 0, Qt::AlignTop);
    top->addWidget(m_close, 0, Qt::AlignTop);
    auto* detailRow = new QHBoxLayout;
    detailRow->setContentsMargins(Style::iconSize + Style::Space::one + 4, 0, 0, 0);
    detailRow->addWidget(m_details, 1);
    detailRow->addWidget(m_copyDetails, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two - 4, Style::Space::one, Style::Space::one, Style::Space::one);
    layout->setSpacing(Style::Space::half);
    layout->addLayout(top);
    layout->addLayout(detailRow);

    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_toggleDetails, &QToolButton::toggled, this, [this](bool open) {
        m_details->setVisible(open);
        m_copyDetails->setVisible(open);
    });
    connect(m_copyDetails, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_label->text() + QLatin1Char('\n') + m_details->text()); });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const std::function<void()> retry = m_retryAction;
        hide();
        if (retry) {
            retry();
        }
    });
    applyStyle();
    hide();
}

void ErrorBanner::applyStyle() {
    m_styled = Style::generation();
    const Style::Colours& c = Style::tokens();
    setStyleSheet(QStringLiteral("#errorBanner { background: %1; border: 1px solid %2; border-radius: %3px; }"
                                 "#errorBanner QLabel { color: %4; }")
                      .arg(Style::css(c.dangerSurface), Style::css(c.danger))
                      .arg(Style::Radius::medium)
                      .arg(Style::css(c.text)));
    m_icon->setPixmap(Style::icon(Style::Icon::CircleAlert, Style::Tone::Danger)
                          .pixmap(QSize(Style::iconSize + 2, Style::iconSize + 2), devicePixelRatioF()));
    m_copyDetails->setIcon(Style::icon(Style::Icon::Copy));
    m_close->setIcon(Style::icon(Style::Icon::X));
}

bool ErrorBanner::event(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && m_styled != Style::generation()) {
        applyStyle();
    }
    return QFrame::event(event);
}

void ErrorBanner::showError(const Core::Error& error, std::function<void()> retry) {
    m_label->setText(describeErrorPlainly(error));
    QStringList details{tr("Error code: %1").arg(Core::codeName(error.code))};
    if (!error.correlationId.isEmpty()) {
        details << tr("Correlation id: %1").arg(error.correlationId);
    }
    m_details->setText(details.join(QLatin1Char('\n')));
    m_toggleDetails->show();
    m_toggleDetails->setChecked(false);
    m_retryAction = std::move(retry);
    m_retry->setVisible(bool(m_retryAction));
    show();
}

void ErrorBanner::showMessage(const QString& text) {
    m_label->setText(text);
    m_details->clear();
    m_toggleDetails->setChecked(false);
    m_toggleDetails->hide();
    m_retryAction = {};
    m_retry->hide();
    show();
}

QString ErrorBanner::details() const {
    return m_details->text();
}

QString ErrorBanner::text() const {
    return m_details->text().isEmpty() ? m_label->text() : m_label->text() + QLatin1Char('\n') + m_details->text();
}

} // namespace Tessera::Ui
