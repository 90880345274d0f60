#pragma once

#include <QStyledItemDelegate>

namespace Tessera::Ui {

// Draws a row of the conversation list: the title, and after it the tags as small pills (at most two and "+N";
// the title keeps at least 55% of the width; both are elided when the row is narrow). Rows are
// Style::listRowHeight high with a rounded hover and selection; the first row of a group has the group's name
// ("Today", "Pinned") above it.
class ConversationDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationDelegate)

public:
    explicit ConversationDelegate(QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The height of a group's name above its first row.
    static int groupHeaderHeight(const QFont& font);
    // "#work #rust" for the tags (the accessible text and tooltips use it).
    static QString tagText(const QStringList& tags);
};

} // namespace Tessera::Ui
