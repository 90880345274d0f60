#include "chat/ComposerCard.h"

#include "chat/Composer.h"
#include "style/Icons.h"
#include "style/Theme.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Tessera::Ui {

namespace {

constexpr int maxLines = 8;
constexpr int roundButton = 34;

// The stop button is filled with the text colour; its square takes the surface colour.
QIcon stopIcon() {
    QPixmap square(QSize(32, 32));
    square.fill(Qt::transparent);
    QPainter painter(&square);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Style::tokens().surface);
    painter.drawRoundedRect(QRectF(9, 9, 14, 14), 3, 3);
    painter.end();
    return QIcon(square);
}

} // namespace

ComposerCard::ComposerCard(QWidget* parent)
    : QFrame(parent)
    , m_composer(new Composer(this))
    , m_attach(new QToolButton(this))
    , m_modelChip(new QToolButton(this))
    , m_fallback(new QLabel(this))
    , m_meter(new QLabel(this))
    , m_cost(new QLabel(this))
    , m_gauge(new QProgressBar(this))
    , m_settings(new QToolButton(this))
    , m_send(new QPushButton(this))
    , m_stop(new QPushButton(this)) {
    setObjectName(QStringLiteral("composerCard"));
    setAttribute(Qt::WA_StyledBackground);
    m_composer->setFrameShape(QFrame::NoFrame);
    m_composer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setToolTip(tr("Attach images or text files to the message (Ctrl+Shift+A); you can also paste or "
                            "drop them"));
    m_attach->setAccessibleName(tr("Attach files"));
    m_modelChip->setObjectName(QStringLiteral("modelChip"));
    m_modelChip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_modelChip->setLayoutDirection(Qt::RightToLeft); // the chevron after the name
    m_modelChip->setToolTip(tr("Choose the provider and model (Ctrl+Shift+M)"));
    m_modelChip->setAccessibleName(tr("Provider and model"));
    m_modelChip->setFocusPolicy(Qt::StrongFocus);
    m_fallback->setObjectName(QStringLiteral("fallbackLabel"));
    m_fallback->setTextFormat(Qt::PlainText);
    m_fallback->setForegroundRole(QPalette::PlaceholderText);
    m_meter->setObjectName(QStringLiteral("contextMeter"));
    m_meter->setTextFormat(Qt::PlainText);
    m_meter->setForegroundRole(QPalette::PlaceholderText);
    m_meter->setFocusPolicy(Qt::TabFocus); // its tooltip says what it counts; reachable by keyboard
    m_cost->setObjectName(QStringLiteral("conversationCost"));
    m_cost->setTextFormat(Qt::PlainText);
    m_cost->setForegroundRole(QPalette::PlaceholderText);
    m_cost->hide();
    m_gauge->setObjectName(QStringLiteral("contextGauge"));
    m_gauge->setTextVisible(false);
    m_gauge->setFixedSize(56, 6);
    m_settings->setObjectName(QStringLiteral("conversationSettingsButton"));
    m_settings->setToolTip(tr("System prompt and fallback model of this conversation (Ctrl+Shift+,)"));
    m_settings->setAccessibleName(tr("Conversation settings"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_send->setAccessibleName(tr("Send"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setToolTip(tr("Stop the answer (Esc)"));
    m_stop->setAccessibleName(tr("Stop"));
    for (QPushButton* button : {m_send, m_stop}) {
        button->setAutoDefault(false);
        button->setFixedSize(roundButton, roundButton);
        button->setIconSize(QSize(Style::iconSize + 2, Style::iconSize + 2));
        button->setCursor(Qt::PointingHandCursor);
    }

    auto* tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->setSpacing(Style::Space::half);
    tools->addWidget(m_attach);
    tools->addWidget(m_modelChip);
    tools->addWidget(m_fallback);
    tools->addStretch(1);
    tools->addWidget(m_cost);
    tools->addWidget(m_meter);
    tools->addWidget(m_gauge);
    tools->addWidget(m_settings);
    tools->addWidget(m_send);
    tools->addWidget(m_stop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two - 4, Style::Space::one, Style::Space::one, Style::Space::one);
    layout->setSpacing(Style::Space::half);
    layout->addWidget(m_composer);
    layout->addLayout(tools);
    connect(m_composer->document(), &QTextDocument::contentsChanged, this, &ComposerCard::updateHeight);
    applyStyle();
    updateHeight();
    setAnswering(false);
}

void ComposerCard::setAnswering(bool answering) {
    m_send->setEnabled(!answering);
    m_stop->setEnabled(answering);
    m_send->setVisible(!answering);
    m_stop->setVisible(answering);
}

void ComposerCard::updateHeight() {
    // One line when empty, growing with the text up to eight lines, then it scrolls.
    const int lines = std::clamp(int(m_composer->document()->documentLayout()->documentSize().height()), 1, maxLines);
    const int height =
        lines * m_composer->fontMetrics().lineSpacing() + int(2 * m_composer->document()->documentMargin()) + 4;
    m_composer->setFixedHeight(std::max(height, 36));
}

bool ComposerCard::event(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && m_styled != Style::generation()) {
        applyStyle();
    }
    return QFrame::event(event);
}

void ComposerCard::applyStyle() {
    // One style sheet for the card and what is on it (parsed once); the icon buttons are the style's flat ones.
    m_styled = Style::generation();
    const Style::Colours& c = Style::tokens();
    QColor chipHover = c.text;
    chipHover.setAlphaF(0.08F);
    const int radius = roundButton / 2;
    setStyleSheet(QStringLiteral("#composerCard { background: %1; border: 1px solid %2; border-radius: %3px; }"
                                 "#composerCard QPlainTextEdit { background: transparent; border: none; }"
                                 "#modelChip { border: 1px solid %2; border-radius: 13px; padding: 3px 10px; "
                                 "background: transparent; }"
                                 "#modelChip:hover { background: %4; }"
                                 "#modelChip:focus { border: 2px solid %5; padding: 2px 9px; }"
                                 "#sendButton { background: %6; border: none; border-radius: %7px; }"
                                 "#sendButton:hover { background: %8; }"
                                 "#sendButton:disabled { background: %2; }"
                                 "#sendButton:focus, #stopButton:focus { border: 2px solid %5; }"
                                 "#stopButton { background: %9; border: none; border-radius: %7px; }")
                      .arg(Style::css(c.surface), Style::css(c.border))
                      .arg(Style::Radius::large)
                      .arg(Style::css(chipHover), Style::css(c.focus), Style::css(c.accent))
                      .arg(radius)
                      .arg(Style::css(c.accent.darker(115)), Style::css(c.text)));
    m_attach->setIcon(Style::icon(Style::Icon::Paperclip));
    m_settings->setIcon(Style::icon(Style::Icon::SlidersHorizontal));
    m_modelChip->setIcon(Style::icon(Style::Icon::ChevronDown, Style::Tone::Muted));
    m_send->setIcon(Style::icon(Style::Icon::ArrowUp, Style::Tone::OnAccent));
    m_stop->setIcon(stopIcon());
}

} // namespace Tessera::Ui
