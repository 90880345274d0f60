#pragma once

#include <QStyledItemDelegate>

namespace Tessera::Ui {

// Draws a conversation's title and, after it in a muted colour, its tags ("#work #rust"); the title keeps at
// least 65% of the width, and both are elided when the row is narrow.
class ConversationDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationDelegate)

public:
    explicit ConversationDelegate(QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // "#work #rust" for the tags.
    static QString tagText(const QStringList& tags);
};

} // namespace Tessera::Ui
