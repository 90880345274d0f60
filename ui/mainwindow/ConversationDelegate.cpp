#include "mainwindow/ConversationDelegate.h"

#include "models/ConversationListModel.h"

#include <QApplication>
#include <QPainter>

namespace Tessera::Ui {

ConversationDelegate::ConversationDelegate(QObject* parent)
    : QStyledItemDelegate(parent) {
}

QString ConversationDelegate::tagText(const QStringList& tags) {
    QString text;
    for (const QString& tag : tags) {
        if (!text.isEmpty()) {
            text += QLatin1Char(' ');
        }
        text += QLatin1Char('#') + tag;
    }
    return text;
}

void ConversationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    const QString tags = tagText(index.data(ConversationListModel::TagsRole).toStringList());
    if (tags.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QWidget* widget = opt.widget;
    QStyle* style = widget != nullptr ? widget->style() : QApplication::style();
    const QString title = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);
    const QFontMetrics metrics(opt.font);
    QFont tagFont = opt.font;
    if (tagFont.pointSizeF() > 0) {
        tagFont.setPointSizeF(tagFont.pointSizeF() * 0.9);
    } else {
        tagFont.setPixelSize(std::max(8, tagFont.pixelSize() * 9 / 10));
    }
    const QFontMetrics tagMetrics(tagFont);
    const int gap = metrics.horizontalAdvance(QLatin1Char(' ')) * 2;
    // Advances are rounded down while eliding measures exactly: a pixel more keeps text that fits from being elided.
    const int titleWidth = std::min(metrics.horizontalAdvance(title) + 1, textRect.width());
    const int tagsWidth = std::min(tagMetrics.horizontalAdvance(tags) + 1,
                                   std::max(textRect.width() - titleWidth - gap, textRect.width() * 7 / 20));
    const int titleSpace = std::max(0, textRect.width() - tagsWidth - gap);

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group =
        opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const bool rtl = opt.direction == Qt::RightToLeft;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    QRect titleRect = textRect;
    titleRect.setWidth(titleSpace);
    if (rtl) {
        titleRect.moveRight(textRect.right());
    }
    painter->drawText(titleRect, int(Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft)),
                      metrics.elidedText(title, Qt::ElideRight, titleRect.width()));
    QColor muted = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    if (selected) {
        muted.setAlphaF(0.75F);
    }
    painter->setPen(muted);
    painter->setFont(tagFont);
    QRect tagsRect = textRect;
    tagsRect.setWidth(tagsWidth);
    if (!rtl) {
        tagsRect.moveRight(textRect.right());
    }
    painter->drawText(tagsRect, int(Qt::AlignVCenter | (rtl ? Qt::AlignLeft : Qt::AlignRight)),
                      tagMetrics.elidedText(tags, Qt::ElideRight, tagsRect.width()));
    painter->restore();
}

} // namespace Tessera::Ui
