#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListView;
class QPushButton;

namespace Tessera::Ui {

class ConversationListModel;

// The left side of the main window: a prominent New chat, a filter over the titles and tags, the tag filter
// (shown once a tag exists) and the conversation list with its date groups (ConversationDelegate). It holds the
// widgets and their look; the window connects them to what they do.
class ConversationSidebar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationSidebar)

public:
    ConversationSidebar(ConversationListModel* model, QWidget* parent = nullptr);

    QPushButton* newChatButton() const { return m_newChat; }
    QLineEdit* filterField() const { return m_filter; }
    QComboBox* tagFilter() const { return m_tagFilter; }
    QListView* list() const { return m_list; }

protected:
    bool event(QEvent* event) override;

private:
    void applyStyle();

    QPushButton* m_newChat;
    QLineEdit* m_filter;
    QComboBox* m_tagFilter;
    QListView* m_list;
    int m_styled = -1; // the theme generation the sidebar was styled for
};

} // namespace Tessera::Ui
