#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace Tessera::Ui {

class Composer;

// The composer's look: one rounded card with the message box (one line when empty, growing with its text up to
// eight lines), and under it attach, the provider-and-model chip, the fallback in use, the conversation's
// settings, and send, which turns into stop while an answer is written. It holds no logic: the chat panel
// connects the buttons and says when an answer is being written.
class ComposerCard final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerCard)

public:
    explicit ComposerCard(QWidget* parent = nullptr);

    Composer* composer() const { return m_composer; }
    QToolButton* attachButton() const { return m_attach; }
    QToolButton* modelChip() const { return m_modelChip; }
    QLabel* fallbackLabel() const { return m_fallback; }
    // The live count of what will be sent and the context window's gauge (see ContextMeter).
    QLabel* meterLabel() const { return m_meter; }
    QLabel* conversationCost() const { return m_cost; }
    QProgressBar* contextGauge() const { return m_gauge; }
    QToolButton* settingsButton() const { return m_settings; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* stopButton() const { return m_stop; }
    // Send while idle; stop (in the same place) while an answer is written.
    void setAnswering(bool answering);

protected:
    bool event(QEvent* event) override;

private:
    void applyStyle();
    void updateHeight();

    Composer* m_composer;
    QToolButton* m_attach;
    QToolButton* m_modelChip;
    QLabel* m_fallback;
    QLabel* m_meter;
    QLabel* m_cost;
    QProgressBar* m_gauge;
    QToolButton* m_settings;
    QPushButton* m_send;
    QPushButton* m_stop;
    int m_styled = -1; // the theme generation the card was styled for
};

} // namespace Tessera::Ui
