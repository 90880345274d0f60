#include "welcome/WelcomePage.h"

#include "style/Icons.h"
#include "style/Theme.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

struct Card {
    const char* preset;
    QString name;
    QString description;
    Style::Icon icon;
};

QList<Card> cards() {
    return {
        {"openai", WelcomePage::tr("OpenAI"), WelcomePage::tr("GPT models, with an API key"), Style::Icon::Sparkles},
        {"anthropic", WelcomePage::tr("Anthropic"), WelcomePage::tr("Claude models, with an API key"),
         Style::Icon::Sparkles},
        {"gemini", WelcomePage::tr("Google Gemini"), WelcomePage::tr("Gemini models, with an API key"),
         Style::Icon::Sparkles},
        {"ollama-native", WelcomePage::tr("Ollama"), WelcomePage::tr("Models on this computer, no key needed"),
         Style::Icon::Cpu},
        {"lmstudio", WelcomePage::tr("LM Studio"), WelcomePage::tr("Models on this computer, no key needed"),
         Style::Icon::Cpu},
        {"openrouter", WelcomePage::tr("OpenRouter"), WelcomePage::tr("Many vendors' models behind one key"),
         Style::Icon::Globe},
        {"custom", WelcomePage::tr("Other OpenAI-compatible"), WelcomePage::tr("Any server that speaks the OpenAI API"),
         Style::Icon::Server},
    };
}

QFont scaled(QFont font, double factor, bool bold = false) {
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("welcomePage"));
    setAccessibleName(tr("Welcome"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    auto* logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/tessera.svg")).pixmap(QSize(56, 56), devicePixelRatioF()));
    logo->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(tr("Welcome to Tessera"), this);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    title->setFont(scaled(font(), Style::Type::title, true));
    title->setAlignment(Qt::AlignCenter);
    auto* sentence = new QLabel(tr("A fast desktop workspace for AI chat: every major provider, your keys in the "
                                   "system keychain, your conversations on your computer."),
                                this);
    sentence->setObjectName(QStringLiteral("welcomeSentence"));
    sentence->setWordWrap(true);
    sentence->setAlignment(Qt::AlignCenter);
    sentence->setForegroundRole(QPalette::PlaceholderText);
    auto* choose = new QLabel(tr("Choose a provider to start:"), this);
    choose->setFont(scaled(font(), Style::Type::subtitle, true));

    auto* grid = new QGridLayout;
    grid->setSpacing(Style::Space::two - 4);
    int index = 0;
    for (const Card& card : cards()) {
        auto* button = new QPushButton(this);
        const QString preset = QString::fromLatin1(card.preset);
        button->setObjectName(QStringLiteral("providerCard-") + preset);
        button->setAccessibleName(card.name);
        button->setAccessibleDescription(card.description);
        button->setToolTip(card.description);
        button->setAutoDefault(false);
        button->setCursor(Qt::PointingHandCursor);
        button->setMinimumHeight(76);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setProperty("cardIconId", int(card.icon));
        button->setProperty("card", true);
        auto* icon = new QLabel(button);
        icon->setObjectName(QStringLiteral("cardIcon"));
        auto* name = new QLabel(card.name, button);
        name->setFont(scaled(font(), Style::Type::body, true));
        name->setWordWrap(true);
        auto* description = new QLabel(card.description, button);
        description->setFont(scaled(font(), Style::Type::caption));
        description->setForegroundRole(QPalette::PlaceholderText);
        description->setWordWrap(true);
        for (QLabel* label : {icon, name, description}) {
            label->setAttribute(Qt::WA_TransparentForMouseEvents);
        }
        auto* text = new QVBoxLayout;
        text->setSpacing(2);
        text->addWidget(name);
        text->addWidget(description);
        auto* row = new QHBoxLayout(button);
        row->setContentsMargins(Style::Space::two - 2, Style::Space::one, Style::Space::two - 2, Style::Space::one);
        row->setSpacing(Style::Space::one + 4);
        row->addWidget(icon, 0, Qt::AlignTop);
        row->addLayout(text, 1);
        connect(button, &QPushButton::clicked, this, [this, preset] { Q_EMIT providerChosen(preset); });
        grid->addWidget(button, index / 2, index % 2);
        m_cards.append(button);
        ++index;
    }

    auto* note = new QLabel(tr("You can add more providers, and change these later, under Providers."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    note->setFont(scaled(font(), Style::Type::caption));

    auto* ask = new QLabel(tr("No provider is set up yet, and adding one is up to your administrator. Ask them to "
                              "add one; it appears here as soon as they have."),
                           this);
    ask->setObjectName(QStringLiteral("askAdministrator"));
    ask->setWordWrap(true);
    ask->setAlignment(Qt::AlignCenter);
    ask->hide();
    m_choose = choose;
    m_note = note;
    m_askAdministrator = ask;

    auto* column = new QWidget(this);
    column->setMaximumWidth(640);
    auto* layout = new QVBoxLayout(column);
    layout->setSpacing(Style::Space::two);
    layout->addWidget(logo);
    layout->addWidget(title);
    layout->addWidget(sentence);
    layout->addSpacing(Style::Space::one);
    layout->addWidget(choose);
    layout->addLayout(grid);
    layout->addWidget(note);
    layout->addWidget(ask);
    auto* centre = new QHBoxLayout;
    centre->addStretch(1);
    centre->addWidget(column, 4);
    centre->addStretch(1);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(Style::Space::three, Style::Space::three, Style::Space::three, Style::Space::three);
    outer->addStretch(1);
    outer->addLayout(centre);
    outer->addStretch(2);
    applyStyle();
}

QPushButton* WelcomePage::card(const QString& presetId) const {
    return findChild<QPushButton*>(QStringLiteral("providerCard-") + presetId);
}

void WelcomePage::setMayAddProviders(bool may) {
    m_choose->setVisible(may);
    m_note->setVisible(may);
    for (QPushButton* button : m_cards) {
        button->setVisible(may);
    }
    m_askAdministrator->setVisible(!may);
}

void WelcomePage::applyStyle() {
    // One style sheet for every card (parsed once); the icons are drawn again in the theme's colours.
    m_styled = Style::generation();
    const Style::Colours& c = Style::tokens();
    setStyleSheet(QStringLiteral("QPushButton[card=\"true\"] { background: %1; border: 1px solid %2; "
                                 "border-radius: %3px; text-align: left; }"
                                 "QPushButton[card=\"true\"]:hover { background: %4; border-color: %5; }"
                                 "QPushButton[card=\"true\"]:focus { border: 2px solid %6; }")
                      .arg(Style::css(c.surface), Style::css(c.border))
                      .arg(Style::Radius::large)
                      .arg(Style::css(c.raised), Style::css(c.accent), Style::css(c.focus)));
    for (QPushButton* button : std::as_const(m_cards)) {
        auto* icon = button->findChild<QLabel*>(QStringLiteral("cardIcon"));
        icon->setPixmap(Style::icon(Style::Icon(button->property("cardIconId").toInt()), Style::Tone::Accent)
                            .pixmap(QSize(Style::largeIconSize, Style::largeIconSize), devicePixelRatioF()));
    }
}

bool WelcomePage::event(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && m_styled != Style::generation()) {
        applyStyle();
    }
    return QWidget::event(event);
}

} // namespace Tessera::Ui
