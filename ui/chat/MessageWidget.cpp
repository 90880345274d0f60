#include "chat/MessageWidget.h"

#include "chat/ImageImport.h"
#include "chat/MessageRenderer.h"

#include <QApplication>
#include <QClipboard>

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Tessera::Ui {

MessageWidget::MessageWidget(const Core::Message& message, QWidget* parent)
    : QFrame(parent)
    , m_message(message)
    , m_header(new QLabel(this))
    , m_body(new QLabel(this))
    , m_footer(new QLabel(this))
    , m_previousVersion(new QToolButton(this))
    , m_version(new QLabel(this))
    , m_nextVersion(new QToolButton(this))
    , m_copy(new QToolButton(this))
    , m_change(new QToolButton(this))
    , m_delete(new QToolButton(this)) {
    setObjectName(message.role == Core::Role::User ? QStringLiteral("userMessage")
                                                   : QStringLiteral("assistantMessage"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(message.role == Core::Role::User ? QPalette::AlternateBase : QPalette::Base);
    m_header->setTextFormat(Qt::PlainText); // the model name comes from the provider
    m_footer->setTextFormat(Qt::PlainText);
    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    m_header->setFont(headerFont);
    m_body->setObjectName(QStringLiteral("messageBody"));
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard |
                                    Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_body->setOpenExternalLinks(false);
    m_body->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    connect(m_body, &QLabel::linkActivated, this, [this](const QString& link) {
        if (const int block = codeBlockOfLink(link); block >= 0) {
            if (block < m_codeBlocks.size()) {
                QApplication::clipboard()->setText(m_codeBlocks[block]);
            }
            return;
        }
        const QUrl url(link);
        if (url.scheme() == QLatin1StringView("http") || url.scheme() == QLatin1StringView("https") ||
            url.scheme() == QLatin1StringView("mailto")) {
            QDesktopServices::openUrl(url);
        }
    });
    QFont footerFont = m_footer->font();
    footerFont.setPointSizeF(footerFont.pointSizeF() * 0.9);
    m_footer->setFont(footerFont);
    m_footer->setForegroundRole(QPalette::PlaceholderText);
    m_footer->setObjectName(QStringLiteral("messageFooter"));
    const bool question = message.role == Core::Role::User;
    const auto setUp = [this](QToolButton* button, const char* name, const QString& text, const QString& tip) {
        button->setObjectName(QString::fromLatin1(name));
        button->setText(text);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::TabFocus);
    };
    setUp(m_previousVersion, "previousVersion", QStringLiteral("‹"), tr("Previous version"));
    setUp(m_nextVersion, "nextVersion", QStringLiteral("›"), tr("Next version"));
    setUp(m_copy, "copyMessage", tr("Copy"), tr("Copy the message's text"));
    if (question) {
        setUp(m_change, "editMessage", tr("Edit"), tr("Edit the question and send it as a new version"));
    } else {
        setUp(m_change, "regenerateMessage", tr("Regenerate"), tr("Answer again; the old answer stays a version"));
    }
    setUp(m_delete, "deleteMessage", tr("Delete"), tr("Delete this message"));
    m_version->setObjectName(QStringLiteral("versionLabel"));
    m_version->setForegroundRole(QPalette::PlaceholderText);
    connect(m_previousVersion, &QToolButton::clicked, this, [this] { Q_EMIT versionRequested(m_message.id, -1); });
    connect(m_nextVersion, &QToolButton::clicked, this, [this] { Q_EMIT versionRequested(m_message.id, +1); });
    connect(m_copy, &QToolButton::clicked, this, [this] { Q_EMIT copyRequested(m_message.id); });
    connect(m_change, &QToolButton::clicked, this, [this, question] {
        if (question) {
            Q_EMIT editRequested(m_message.id);
        } else {
            Q_EMIT regenerateRequested(m_message.id);
        }
    });
    connect(m_delete, &QToolButton::clicked, this, [this] { Q_EMIT deleteRequested(m_message.id); });
    auto* headerRow = new QHBoxLayout;
    headerRow->setSpacing(2);
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_previousVersion);
    headerRow->addWidget(m_version);
    headerRow->addWidget(m_nextVersion);
    headerRow->addSpacing(8);
    headerRow->addWidget(m_copy);
    headerRow->addWidget(m_change);
    headerRow->addWidget(m_delete);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(4);
    layout->addLayout(headerRow);
    if (!message.images.empty()) {
        // The images the user sent, as thumbnails; the full picture is in the tooltip's name and the store.
        auto* images = new QHBoxLayout;
        images->setSpacing(6);
        for (std::size_t i = 0; i < message.images.size(); ++i) {
            const Core::ImageAttachment& image = message.images[i];
            auto* label = new QLabel(this);
            label->setObjectName(QStringLiteral("messageImage"));
            const QImage thumbnail = thumbnailOf(image, 160);
            if (thumbnail.isNull()) {
                label->setText(tr("[image that cannot be shown]"));
            } else {
                label->setPixmap(QPixmap::fromImage(thumbnail));
            }
            const QString name = image.name.isEmpty() ? tr("Pasted image %1").arg(i + 1) : image.name;
            label->setToolTip(name);
            label->setAccessibleName(tr("Image: %1").arg(name));
            images->addWidget(label);
        }
        images->addStretch(1);
        layout->addLayout(images);
    }
    layout->addWidget(m_body);
    layout->addWidget(m_footer);
    render();
}

void MessageWidget::updateActions() {
    const bool versions = m_message.siblingCount > 1;
    m_previousVersion->setVisible(versions);
    m_nextVersion->setVisible(versions);
    m_version->setVisible(versions);
    m_version->setText(QStringLiteral("%1/%2").arg(m_message.siblingIndex + 1).arg(m_message.siblingCount));
    m_version->setAccessibleName(tr("Version %1 of %2").arg(m_message.siblingIndex + 1).arg(m_message.siblingCount));
    m_previousVersion->setEnabled(m_actionsEnabled && m_message.siblingIndex > 0);
    m_nextVersion->setEnabled(m_actionsEnabled && m_message.siblingIndex + 1 < m_message.siblingCount);
    const bool streaming = m_message.state == Core::MessageState::Streaming;
    m_copy->setEnabled(!m_message.content.isEmpty() || streaming);
    m_change->setVisible(!streaming);
    m_delete->setVisible(!streaming);
    m_change->setEnabled(m_actionsEnabled);
    m_delete->setEnabled(m_actionsEnabled);
}

void MessageWidget::setActionsEnabled(bool enabled) {
    m_actionsEnabled = enabled;
    updateActions();
}

void MessageWidget::setStreamingText(const QString& text) {
    m_message.content = text;
    showBody();
    m_body->setVisible(!text.isEmpty());
}

void MessageWidget::showBody() {
    // Message text is Markdown from a user or a provider: rendered, but never the raw HTML inside it (no remote
    // or local images, no script links); that HTML is shown as text. Code blocks are highlighted.
    RenderedMessage rendered = renderMessage(m_message.content, palette());
    m_codeBlocks = std::move(rendered.codeBlocks);
    m_body->setText(rendered.html);
}

void MessageWidget::setFinal(const Core::Message& message) {
    // The final record from the service does not know the message's place among its versions; keep it.
    const int index = m_message.siblingIndex;
    const int count = m_message.siblingCount;
    m_message = message;
    if (m_message.siblingCount == 1 && count > 1) {
        m_message.siblingIndex = index;
        m_message.siblingCount = count;
    }
    render();
}

void MessageWidget::flashHighlight() {
    m_highlighted = true;
    const QPalette::ColorRole normal = backgroundRole();
    QPalette palette = this->palette();
    QColor mark = palette.color(QPalette::Highlight);
    mark.setAlpha(60);
    palette.setColor(QPalette::Window, mark);
    setPalette(palette);
    setBackgroundRole(QPalette::Window);
    QTimer::singleShot(2500, this, [this, normal] {
        m_highlighted = false;
        setPalette(QPalette());
        setBackgroundRole(normal);
    });
}

QString MessageWidget::bodyText() const {
    return m_message.content;
}

void MessageWidget::updateHeader() {
    if (m_message.role == Core::Role::User) {
        m_header->setText(tr("You"));
    } else {
        QString header = m_message.model.isEmpty() ? tr("Assistant") : tr("Assistant · %1").arg(m_message.model);
        if (m_message.viaFallback) {
            header += QLatin1Char(' ') + tr("(fallback: %1)").arg(m_message.providerName);
        }
        m_header->setText(header);
    }
}

void MessageWidget::render() {
    updateHeader();
    updateActions();
    showBody();
    m_body->setVisible(!m_message.content.isEmpty());
    setAccessibleName(m_header->text());
    setAccessibleDescription(m_message.content.left(200));
    QStringList facts;
    switch (m_message.state) {
    case Core::MessageState::Streaming:
        facts << tr("Writing…");
        break;
    case Core::MessageState::Incomplete:
        facts << tr("Incomplete answer (%1)").arg(m_message.errorCode);
        break;
    case Core::MessageState::Failed:
        facts << tr("No answer (%1)").arg(m_message.errorCode);
        break;
    case Core::MessageState::Complete:
        break;
    }
    if (m_message.role == Core::Role::Assistant && m_message.usage) {
        const Core::Usage& u = *m_message.usage;
        facts << (u.estimated ? tr("≈%1 in / ≈%2 out tokens") : tr("%1 in / %2 out tokens"))
                     .arg(QLocale().toString(u.inputTokens), QLocale().toString(u.outputTokens));
    }
    if (m_message.cacheHit) {
        facts << tr("from the cache");
    }
    if (m_message.role == Core::Role::Assistant && m_message.attempts > 1) {
        facts << tr("%n attempt(s)", nullptr, m_message.attempts);
    }
    if (m_message.ttftMs) {
        facts << tr("first token %1 ms").arg(*m_message.ttftMs);
    }
    if (m_message.latencyMs) {
        facts << tr("%1 s").arg(QLocale().toString(double(*m_message.latencyMs) / 1000.0, 'f', 2));
    }
    m_footer->setText(facts.join(QStringLiteral(" · ")));
    m_footer->setVisible(!facts.isEmpty());
}

} // namespace Tessera::Ui
