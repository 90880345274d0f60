#include "chat/MessageWidget.h"
#include "widgets/Money.h"

#include "chat/FeedbackDialog.h"
#include "chat/ImageImport.h"
#include "chat/MessageRenderer.h"
#include "style/Icons.h"
#include "style/Panel.h"
#include "style/Theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <tuple>

namespace Tessera::Ui {

namespace {

constexpr int bubblePadding = Style::Space::one + Style::Space::half; // 12 px around a question's text
constexpr double bubbleShare = 0.8; // a question's bubble is at most this share of the column

QFont scaled(QFont font, double factor) {
    font.setPointSizeF(font.pointSizeF() * factor);
    return font;
}

QPixmap rounded(const QImage& image, int radius) {
    QPixmap result(image.size());
    result.fill(Qt::transparent);
    QPainter painter(&result);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(QPointF(0, 0), QSizeF(image.size())), radius, radius);
    painter.setClipPath(path);
    painter.drawImage(0, 0, image);
    return result;
}

void openSafeLink(const QString& link) {
    const QUrl url(link);
    if (url.scheme() == QLatin1StringView("http") || url.scheme() == QLatin1StringView("https") ||
        url.scheme() == QLatin1StringView("mailto")) {
        QDesktopServices::openUrl(url);
    }
}

QLabel* textLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard |
                                   Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    label->setOpenExternalLinks(false);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    QObject::connect(label, &QLabel::linkActivated, label, &openSafeLink);
    return label;
}

// Shows or hides a part only when that changes: showing a part lays the whole message out again, which for
// word-wrapped rich text is the most expensive thing a message does while it is made.
void setShown(QWidget* widget, bool shown) {
    if (widget->isHidden() == shown) {
        widget->setVisible(shown);
    }
}

QToolButton* iconButton(QWidget* parent, const char* name, Style::Icon icon, const QString& tip) {
    auto* button = new QToolButton(parent);
    button->setObjectName(QString::fromLatin1(name));
    button->setIcon(Style::icon(icon, Style::Tone::Muted));
    button->setIconSize(QSize(Style::iconSize, Style::iconSize));
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

MessageWidget::MessageWidget(const Core::Message& message, QWidget* parent)
    : QWidget(parent)
    , m_message(message)
    , m_question(message.role == Core::Role::User)
    , m_header(new QLabel(this))
    , m_bubble(m_question ? static_cast<QWidget*>(
                                new Style::Panel(Style::Panel::Fill::QuestionBubble, Style::Radius::large, false, this))
                          : new QWidget(this))
    , m_partsLayout(new QVBoxLayout)
    , m_footer(new QLabel(this))
    , m_actions(new QWidget(this))
    , m_previousVersion(iconButton(m_actions, "previousVersion", Style::Icon::ChevronLeft, tr("Previous version")))
    , m_version(new QLabel(m_actions))
    , m_nextVersion(iconButton(m_actions, "nextVersion", Style::Icon::ChevronRight, tr("Next version")))
    , m_copy(iconButton(m_actions, "copyMessage", Style::Icon::Copy, tr("Copy the message's text")))
    , m_change(m_question ? iconButton(m_actions, "editMessage", Style::Icon::Pencil,
                                       tr("Edit the question and send it as a new version (Ctrl+E)"))
                          : iconButton(m_actions, "regenerateMessage", Style::Icon::RefreshCw,
                                       tr("Answer again; the old answer stays a version (Ctrl+R)")))
    , m_more(iconButton(m_actions, "moreActions", Style::Icon::Ellipsis, tr("More actions")))
    , m_delete(new QAction(Style::icon(Style::Icon::Trash, Style::Tone::Danger), tr("&Delete Message…"), this)) {
    setObjectName(m_question ? QStringLiteral("userMessage") : QStringLiteral("assistantMessage"));
    if (!m_question) {
        m_rateUp = iconButton(m_actions, "rateUp", Style::Icon::ThumbsUp, tr("Good answer (Ctrl+Shift+Up)"));
        m_rateDown = iconButton(m_actions, "rateDown", Style::Icon::ThumbsDown, tr("Bad answer (Ctrl+Shift+Down)"));
        m_feedback = new QAction(Style::icon(Style::Icon::MessageSquare), tr("&Feedback…"), this);
        m_feedback->setObjectName(QStringLiteral("answerFeedback"));
        connect(m_rateUp, &QToolButton::clicked, this, [this] { Q_EMIT rateRequested(m_message.id, true); });
        connect(m_rateDown, &QToolButton::clicked, this, [this] { Q_EMIT rateRequested(m_message.id, false); });
        connect(m_feedback, &QAction::triggered, this, [this] { Q_EMIT feedbackRequested(m_message.id); });
    }
    m_header->setObjectName(QStringLiteral("messageModel"));
    m_header->setTextFormat(Qt::PlainText); // the model name comes from the provider
    m_header->setFont(scaled(m_header->font(), Style::Type::caption));
    m_header->setForegroundRole(QPalette::PlaceholderText);
    m_footer->setObjectName(QStringLiteral("messageFooter"));
    m_footer->setTextFormat(Qt::PlainText);
    m_footer->setFont(scaled(m_footer->font(), Style::Type::caption));
    m_footer->setForegroundRole(QPalette::PlaceholderText);
    m_footer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (m_question) {
        m_footer->setAlignment(Qt::AlignRight); // under the bubble
    }
    m_version->setObjectName(QStringLiteral("versionLabel"));
    m_version->setForegroundRole(QPalette::PlaceholderText);
    m_version->setFont(scaled(m_version->font(), Style::Type::caption));
    m_delete->setObjectName(QStringLiteral("deleteMessage"));
    // The menu is made when More is pressed: most messages never need one.

    connect(m_previousVersion, &QToolButton::clicked, this, [this] { Q_EMIT versionRequested(m_message.id, -1); });
    connect(m_nextVersion, &QToolButton::clicked, this, [this] { Q_EMIT versionRequested(m_message.id, +1); });
    connect(m_copy, &QToolButton::clicked, this, [this] { Q_EMIT copyRequested(m_message.id); });
    connect(m_change, &QToolButton::clicked, this, [this] {
        if (m_question) {
            Q_EMIT editRequested(m_message.id);
        } else {
            Q_EMIT regenerateRequested(m_message.id);
        }
    });
    connect(m_delete, &QAction::triggered, this, [this] { Q_EMIT deleteRequested(m_message.id); });
    connect(m_more, &QToolButton::clicked, this, [this] {
        // The menu has no parent and the message is checked afterwards: choosing Delete can remove this message
        // while the menu is still open.
        QPointer<MessageWidget> self(this);
        QMenu menu;
        if (m_feedback) {
            menu.addAction(m_feedback);
        }
        menu.addAction(m_delete);
        m_menuOpen = true;
        updateReveal();
        menu.exec(m_more->mapToGlobal(QPoint(0, m_more->height())));
        if (self) {
            m_menuOpen = false;
            updateReveal();
        }
    });

    auto* actionRow = new QHBoxLayout(m_actions);
    actionRow->setContentsMargins(0, 0, 0, 0);
    actionRow->setSpacing(0);
    if (m_question) {
        actionRow->addStretch(1);
    }
    actionRow->addWidget(m_previousVersion);
    actionRow->addWidget(m_version);
    actionRow->addWidget(m_nextVersion);
    actionRow->addWidget(m_copy);
    actionRow->addWidget(m_change);
    if (!m_question) {
        actionRow->addWidget(m_rateUp);
        actionRow->addWidget(m_rateDown);
    }
    actionRow->addWidget(m_more);
    if (!m_question) {
        actionRow->addStretch(1);
    }
    for (QToolButton* button : {m_previousVersion, m_nextVersion, m_copy, m_change, m_more, m_rateUp, m_rateDown}) {
        if (button) {
            button->setIcon(QIcon());
            button->setFixedSize(28, 28);
            button->installEventFilter(this);
        }
    }

    m_bubble->setObjectName(m_question ? QStringLiteral("questionBubble") : QStringLiteral("answerBody"));
    auto* bubbleLayout = new QVBoxLayout(m_bubble);
    bubbleLayout->setSpacing(Style::Space::one);
    bubbleLayout->setContentsMargins(
        m_question ? QMargins(bubblePadding, Style::Space::one + 2, bubblePadding, Style::Space::one + 2) : QMargins());
    if (!message.images.empty()) {
        // The images sent with the message, as rounded thumbnails; the name is in the tooltip.
        auto* images = new QHBoxLayout;
        images->setSpacing(Style::Space::one);
        if (m_question) {
            images->addStretch(1);
        }
        for (std::size_t i = 0; i < message.images.size(); ++i) {
            const Core::ImageAttachment& image = message.images[i];
            auto* label = new QLabel(m_bubble);
            label->setObjectName(QStringLiteral("messageImage"));
            const QImage thumbnail = thumbnailOf(image, 160);
            if (thumbnail.isNull()) {
                label->setText(tr("[image that cannot be shown]"));
            } else {
                label->setPixmap(rounded(thumbnail, Style::Radius::medium));
            }
            const QString name = image.name.isEmpty() ? tr("Pasted image %1").arg(i + 1) : image.name;
            label->setToolTip(name);
            label->setAccessibleName(tr("Image: %1").arg(name));
            images->addWidget(label);
        }
        if (!m_question) {
            images->addStretch(1);
        }
        bubbleLayout->addLayout(images);
    }
    m_partsLayout->setSpacing(Style::Space::one);
    bubbleLayout->addLayout(m_partsLayout);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Style::Space::half);
    if (m_question) {
        m_header->hide();
        auto* row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->addStretch(1);
        row->addWidget(m_bubble);
        layout->addLayout(row);
    } else {
        layout->addWidget(m_header);
        layout->addWidget(m_bubble);
    }
    layout->addWidget(m_footer);
    layout->addWidget(m_actions);
    applyColours();
    render();
}

void MessageWidget::applyColours() {
    // Bubbles and code cards paint themselves from the tokens; the action icons are drawn again below.
    m_styled = Style::generation();
    update();
}

bool MessageWidget::event(QEvent* event) {
    switch (event->type()) {
    case QEvent::Enter:
        m_hovered = true;
        updateReveal();
        break;
    case QEvent::Leave:
        m_hovered = false;
        updateReveal();
        break;
    case QEvent::PaletteChange:
        if (m_styled == Style::generation()) {
            break;
        }
        // The theme changed: the text was rendered with the old colours.
        applyColours();
        showBody();
        m_actionsShown = !m_actionsShown; // redraw the icons in the new colours
        updateReveal();
        break;
    default:
        break;
    }
    return QWidget::event(event);
}

bool MessageWidget::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut) {
        QTimer::singleShot(0, this, &MessageWidget::updateReveal);
    }
    return QWidget::eventFilter(watched, event);
}

void MessageWidget::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateBubbleWidth();
}

bool MessageWidget::actionsShown() const {
    return m_actionsShown;
}

void MessageWidget::updateReveal() {
    const bool focusInside = m_actions->isAncestorOf(QApplication::focusWidget());
    const bool shown = m_alwaysShowActions || m_hovered || focusInside || m_menuOpen;
    if (shown == m_actionsShown) {
        return;
    }
    m_actionsShown = shown;
    // Hidden actions keep their place and their place in the tab order; they only draw nothing (flat buttons
    // without an icon), so the text never moves when the pointer passes over it.
    const QList<QPair<QToolButton*, Style::Icon>> buttons = {
        {m_previousVersion, Style::Icon::ChevronLeft},
        {m_nextVersion, Style::Icon::ChevronRight},
        {m_copy, Style::Icon::Copy},
        {m_change, m_question ? Style::Icon::Pencil : Style::Icon::RefreshCw},
        {m_more, Style::Icon::Ellipsis}};
    for (const auto& [button, icon] : buttons) {
        button->setIcon(shown ? Style::icon(icon, Style::Tone::Muted) : QIcon());
    }
    updateRating();
    QPalette palette = m_version->palette();
    QColor muted = Style::tokens().mutedText;
    if (!shown) {
        muted.setAlpha(0);
    }
    palette.setColor(QPalette::PlaceholderText, muted);
    m_version->setPalette(palette);
}

void MessageWidget::updateRating() {
    if (m_question) {
        return;
    }
    // The chosen thumb always shows, in the accent colour; the other only with the actions.
    const std::optional<bool> rated =
        m_message.feedback ? std::optional<bool>(m_message.feedback->positive) : std::nullopt;
    for (const auto& [button, icon, positive] :
         {std::tuple{m_rateUp, Style::Icon::ThumbsUp, true}, std::tuple{m_rateDown, Style::Icon::ThumbsDown, false}}) {
        const bool chosen = rated == positive;
        button->setIcon(chosen           ? Style::icon(icon, Style::Tone::Accent)
                        : m_actionsShown ? Style::icon(icon, Style::Tone::Muted)
                                         : QIcon());
        button->setCheckable(true);
        button->setChecked(chosen);
        button->setAccessibleDescription(chosen ? tr("chosen; press again to take the rating back") : QString());
    }
}

void MessageWidget::setFeedback(const std::optional<Core::Feedback>& feedback) {
    m_message.feedback = feedback;
    updateRating();
    updateFacts();
}

void MessageWidget::setActionsAlwaysShown(bool shown) {
    m_alwaysShowActions = shown;
    updateReveal();
}

void MessageWidget::updateActions() {
    const bool versions = m_message.siblingCount > 1;
    setShown(m_previousVersion, versions);
    setShown(m_nextVersion, versions);
    setShown(m_version, versions);
    m_version->setText(QStringLiteral("%1/%2").arg(m_message.siblingIndex + 1).arg(m_message.siblingCount));
    m_version->setAccessibleName(tr("Version %1 of %2").arg(m_message.siblingIndex + 1).arg(m_message.siblingCount));
    m_previousVersion->setEnabled(m_actionsEnabled && m_message.siblingIndex > 0);
    m_nextVersion->setEnabled(m_actionsEnabled && m_message.siblingIndex + 1 < m_message.siblingCount);
    const bool streaming = m_message.state == Core::MessageState::Streaming;
    m_copy->setEnabled(!m_message.content.isEmpty() || streaming);
    setShown(m_change, !streaming);
    setShown(m_more, !streaming);
    if (!m_question) {
        // Only a finished answer is rated (a failed one has nothing to rate).
        const bool rateable =
            m_message.state == Core::MessageState::Complete || m_message.state == Core::MessageState::Incomplete;
        setShown(m_rateUp, rateable);
        setShown(m_rateDown, rateable);
        m_feedback->setEnabled(rateable);
    }
    m_change->setEnabled(m_actionsEnabled);
    m_more->setEnabled(m_actionsEnabled);
    m_delete->setEnabled(m_actionsEnabled);
    updateReveal();
}

void MessageWidget::setActionsEnabled(bool enabled) {
    m_actionsEnabled = enabled;
    updateActions();
}

void MessageWidget::setStreamingText(const QString& text) {
    m_message.content = text;
    showBody();
}

QWidget* MessageWidget::createPart(const MessagePart& part) {
    if (part.kind == MessagePart::Kind::Text) {
        QLabel* label = textLabel(m_bubble);
        label->setObjectName(m_parts.isEmpty() ? QStringLiteral("messageBody") : QStringLiteral("messageText"));
        return label;
    }
    // A code block: a card with a header (the language, a copy button) over the highlighted code.
    auto* card = new Style::Panel(Style::Panel::Fill::CodeSurface, Style::Radius::medium, true, m_bubble);
    card->setObjectName(QStringLiteral("codeBlock"));
    auto* language = new QLabel(card);
    language->setObjectName(QStringLiteral("codeLanguage"));
    language->setForegroundRole(QPalette::PlaceholderText);
    language->setFont(scaled(language->font(), Style::Type::caption));
    auto* copy = iconButton(card, "copyCode", Style::Icon::Copy, tr("Copy the code"));
    auto* code = new QLabel(card);
    code->setObjectName(QStringLiteral("codeText"));
    code->setWordWrap(true);
    code->setTextFormat(Qt::RichText);
    code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    code->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    connect(copy, &QToolButton::clicked, card,
            [card] { QApplication::clipboard()->setText(card->property("code").toString()); });
    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(language, 1);
    header->addWidget(copy);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(Style::Space::one + Style::Space::half, Style::Space::half, Style::Space::half,
                               Style::Space::one);
    layout->setSpacing(Style::Space::half);
    layout->addLayout(header);
    layout->addWidget(code);
    return card;
}

void MessageWidget::updatePart(QWidget* widget, const MessagePart& part) {
    if (part.kind == MessagePart::Kind::Text) {
        auto* label = static_cast<QLabel*>(widget);
        if (label->text() != part.html) {
            label->setText(part.html);
        }
        return;
    }
    widget->setProperty("code", part.code);
    widget->findChild<QLabel*>(QStringLiteral("codeLanguage"))
        ->setText(part.language.isEmpty() ? tr("code") : part.language);
    auto* code = widget->findChild<QLabel*>(QStringLiteral("codeText"));
    if (code->text() != part.html) {
        code->setText(part.html);
    }
}

void MessageWidget::showBody() {
    // Message text is Markdown from a user or a provider: rendered, but never the raw HTML inside it (no remote
    // or local images, no script links); that HTML is shown as text. Parts already shown are reused, so a
    // streaming answer only updates its last part.
    const RenderedMessage rendered = renderMessage(m_message.content, Style::tokens());
    int same = 0;
    while (same < m_parts.size() && same < rendered.parts.size() &&
           m_partKinds[same] == int(rendered.parts[same].kind)) {
        ++same;
    }
    while (m_parts.size() > same) {
        QWidget* part = m_parts.takeLast();
        m_partKinds.removeLast();
        m_partsLayout->removeWidget(part);
        delete part;
    }
    for (qsizetype i = 0; i < rendered.parts.size(); ++i) {
        if (i >= m_parts.size()) {
            m_parts.append(createPart(rendered.parts[i]));
            m_partKinds.append(int(rendered.parts[i].kind));
            m_partsLayout->addWidget(m_parts.back());
        }
        updatePart(m_parts[i], rendered.parts[i]);
    }
    setShown(m_bubble, !rendered.parts.isEmpty() || !m_message.images.empty());
    if (m_question) {
        // The bubble is as wide as its text needs, up to its share of the column.
        // Measured on the plain lines (a question is mostly plain text): cheap, and capped by the column anyway.
        // A line clearly longer than the column is not shaped at all (that is the costly part).
        const QFontMetrics metrics(font());
        const int average = std::max(1, metrics.averageCharWidth());
        int widest = 0;
        for (const QStringView line : QStringView(m_message.content).split(QLatin1Char('\n'))) {
            if (line.size() * average / 2 > Style::readableWidth) {
                widest = Style::readableWidth;
                break;
            }
            widest = std::max(widest, metrics.horizontalAdvance(line.toString()));
            if (widest >= Style::readableWidth) {
                break;
            }
        }
        m_idealWidth = widest + 2 * bubblePadding + 8;
        if (!m_message.images.empty()) {
            const int images = int(m_message.images.size());
            m_idealWidth = std::max(m_idealWidth, images * 160 + (images - 1) * Style::Space::one + 2 * bubblePadding);
        }
        updateBubbleWidth();
    }
}

void MessageWidget::updateBubbleWidth() {
    if (!m_question || width() <= 0) {
        return;
    }
    const int widest = std::max(120, int(width() * bubbleShare));
    m_bubble->setFixedWidth(std::clamp(m_idealWidth, 48, widest));
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
    QPalette palette = this->palette();
    QColor mark = palette.color(QPalette::Highlight);
    mark.setAlpha(50);
    palette.setColor(QPalette::Window, mark);
    setPalette(palette);
    setAutoFillBackground(true);
    QTimer::singleShot(2500, this, [this] {
        m_highlighted = false;
        setAutoFillBackground(false);
        setPalette(QPalette());
    });
}

QString MessageWidget::bodyText() const {
    return m_message.content;
}

void MessageWidget::updateHeader() {
    if (m_question) {
        return;
    }
    QString header = m_message.model.isEmpty() ? tr("Assistant") : m_message.model;
    if (m_message.viaFallback) {
        header += QLatin1Char(' ') + tr("(fallback: %1)").arg(m_message.providerName);
    }
    m_header->setText(header);
}

void MessageWidget::updateFacts() {
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
    if (!m_question && m_message.usage) {
        const Core::Usage& u = *m_message.usage;
        facts << (u.estimated ? tr("≈%1 in / ≈%2 out tokens") : tr("%1 in / %2 out tokens"))
                     .arg(QLocale().toString(u.inputTokens), QLocale().toString(u.outputTokens));
    }
    if (!m_question && m_message.leftOut > 0) {
        facts << tr("the oldest %n message(s) left out to fit the window", nullptr, m_message.leftOut);
    }
    if (!m_question && m_message.costRecorded) {
        facts << costText(m_message.costMicros, m_message.usage && m_message.usage->estimated);
    }
    if (m_message.cacheHit) {
        facts << tr("from the cache");
    }
    if (!m_question && m_message.attempts > 1) {
        facts << tr("%n attempt(s)", nullptr, m_message.attempts);
    }
    if (m_message.ttftMs) {
        facts << tr("first token %1 ms").arg(*m_message.ttftMs);
    }
    if (m_message.latencyMs) {
        facts << tr("%1 s").arg(QLocale().toString(double(*m_message.latencyMs) / 1000.0, 'f', 2));
    }
    if (m_message.templateUse) {
        facts << tr("from the template %1, version %2")
                     .arg(m_message.templateUse->name)
                     .arg(m_message.templateUse->version);
    }
    if (m_message.feedback) {
        QString rating = m_message.feedback->positive ? tr("rated good") : tr("rated bad");
        if (!m_message.feedback->tags.isEmpty()) {
            QStringList tags;
            for (const QString& tag : m_message.feedback->tags) {
                tags << FeedbackDialog::tagLabel(tag);
            }
            rating += QStringLiteral(": ") + tags.join(QStringLiteral(", "));
        }
        if (!m_message.feedback->comment.isEmpty()) {
            rating += QStringLiteral(" · “%1”").arg(m_message.feedback->comment.left(120));
        }
        facts << rating;
    }
    m_footer->setText(facts.join(QStringLiteral(" · ")));
    // A question's template values are in the tooltip of its facts.
    QStringList values;
    if (m_message.templateUse) {
        for (auto it = m_message.templateUse->values.begin(); it != m_message.templateUse->values.end(); ++it) {
            values << QStringLiteral("%1 = %2").arg(it.key(), it.value().left(200));
        }
    }
    m_footer->setToolTip(values.join(QLatin1Char('\n')));
    setShown(m_footer, !facts.isEmpty());
}

void MessageWidget::render() {
    updateHeader();
    updateActions();
    showBody();
    updateFacts();
    setAccessibleName(m_question ? tr("You") : m_header->text());
    setAccessibleDescription(m_message.content.left(200));
}

} // namespace Tessera::Ui
