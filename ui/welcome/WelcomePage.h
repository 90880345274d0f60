#pragma once

#include <QWidget>

class QPushButton;

namespace Tessera::Ui {

// What Tessera shows while no provider is configured (the first run, or after the last one was removed): what
// Tessera is in one sentence, and a card per kind of provider (OpenAI, Anthropic, Google Gemini, Ollama,
// LM Studio, OpenRouter, any other OpenAI-compatible server). A card asks for that provider's short form.
class WelcomePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget* parent = nullptr);

    // The card of a preset ("openai", "custom", ...), or nullptr.
    QPushButton* card(const QString& presetId) const;
    // Without the right to add providers the cards give way to a note saying who adds them.
    void setMayAddProviders(bool may);

Q_SIGNALS:
    // A card was chosen: add a provider of this preset.
    void providerChosen(const QString& presetId);

protected:
    bool event(QEvent* event) override;

private:
    void applyStyle();

    QWidget* m_choose = nullptr;
    QWidget* m_note = nullptr;
    QWidget* m_askAdministrator = nullptr;

    QList<QPushButton*> m_cards;
    int m_styled = -1;
};

} // namespace Tessera::Ui
