#pragma once

#include "common/Actor.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListView;

namespace Tessera::Core {
class ConversationService;
}

namespace Tessera::Ui {

class SearchResultModel;

// Search across all conversations (Ctrl+K): results appear while typing, newest first, with the matching words
// in bold; Up/Down move through them, Enter (or a double-click) opens the conversation at that message.
class SearchDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchDialog)

public:
    static constexpr int typingPauseMs = 150;

    SearchDialog(const Core::ConversationService& conversations, const Core::Actor& actor, QWidget* parent = nullptr);

    QLineEdit* queryEdit() const { return m_query; }
    QListView* resultView() const { return m_results; }
    SearchResultModel* model() const { return m_model; }
    // Runs the search for the text typed so far now, without waiting for the typing pause.
    void searchNow();

Q_SIGNALS:
    void messageChosen(qint64 conversationId, qint64 messageId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openCurrent();

    SearchResultModel* m_model;
    QLineEdit* m_query;
    QListView* m_results;
    QLabel* m_status;
    QTimer m_typingPause;
};

} // namespace Tessera::Ui
