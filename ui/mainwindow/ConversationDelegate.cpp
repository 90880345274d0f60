#include "mainwindow/ConversationDelegate.h"

#include "models/ConversationListModel.h"
#include "style/Theme.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Tessera::Ui {

namespace {

QFont scaled(QFont font, double factor) {
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * factor);
    } else {
        font.setPixelSize(std::max(8, int(font.pixelSize() * factor)));
    }
    return font;
}

constexpr int maxPills = 2;

} // namespace

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

int ConversationDelegate::groupHeaderHeight(const QFont& font) {
    return QFontMetrics(scaled(font, Style::Type::caption)).height() + Style::Space::two;
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const int row = std::max(Style::listRowHeight, option.fontMetrics.height() + Style::Space::two);
    const bool header = index.data(ConversationListModel::GroupStartRole).toBool();
    return {option.rect.width() > 0 ? option.rect.width() : 200, row + (header ? groupHeaderHeight(option.font) : 0)};
}

void ConversationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const Style::Colours& c = Style::tokens();
    const bool rtl = opt.direction == Qt::RightToLeft;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    QRect rowRect = opt.rect;
    if (index.data(ConversationListModel::GroupStartRole).toBool()) {
        // The group's name, small and muted, above the row.
        const int headerHeight = groupHeaderHeight(opt.font);
        QRect header = opt.rect;
        header.setHeight(headerHeight);
        header.adjust(Style::Space::two - 4, Style::Space::one + 2, -Style::Space::one, 0);
        painter->setFont(scaled(opt.font, Style::Type::caption));
        painter->setPen(c.mutedText);
        painter->drawText(header, int(Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft)),
                          index.data(ConversationListModel::GroupRole).toString());
        rowRect.setTop(rowRect.top() + headerHeight);
    }

    // Hover and selection: a rounded tint inside the row (a selected row reads in the text colour).
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const bool hovered = opt.state.testFlag(QStyle::State_MouseOver);
    const QRectF pill = QRectF(rowRect).adjusted(Style::Space::half, 1, -Style::Space::half, -1);
    if (selected || hovered) {
        QColor fill = selected ? c.questionBubble : c.raised;
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(pill, Style::Radius::medium, Style::Radius::medium);
    }
    if (opt.state.testFlag(QStyle::State_HasFocus) && selected && opt.widget && opt.widget->hasFocus()) {
        painter->setPen(QPen(c.focus, 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(pill.adjusted(0.75, 0.75, -0.75, -0.75), Style::Radius::medium, Style::Radius::medium);
    }

    QRect content = rowRect.adjusted(Style::Space::two - 4, 0, -(Style::Space::one + 4), 0);
    const QIcon icon = qvariant_cast<QIcon>(index.data(Qt::DecorationRole));
    if (!icon.isNull()) {
        const int side = Style::iconSize - 2;
        QRect iconRect(0, content.center().y() - side / 2, side, side);
        iconRect.moveLeft(rtl ? content.right() - side : content.left());
        icon.paint(painter, iconRect);
        if (rtl) {
            content.setRight(iconRect.left() - Style::Space::half - 2);
        } else {
            content.setLeft(iconRect.right() + Style::Space::half + 2);
        }
    }

    // Tags as pills on the far side, at most two and "+N".
    const QStringList tags = index.data(ConversationListModel::TagsRole).toStringList();
    const QFont pillFont = scaled(opt.font, Style::Type::caption);
    const QFontMetrics pillMetrics(pillFont);
    const int pillHeight = pillMetrics.height() + 2;
    QStringList pills = tags.mid(0, maxPills);
    if (tags.size() > maxPills) {
        pills << QStringLiteral("+%1").arg(tags.size() - maxPills);
    }
    const int budget = int(content.width() * 0.45);
    int used = 0;
    QList<QPair<QString, int>> shown;
    for (const QString& text : std::as_const(pills)) {
        const int width = std::min(pillMetrics.horizontalAdvance(text) + Style::Space::one + 2, budget / 2);
        if (used + width > budget) {
            break;
        }
        shown.append({text, width});
        used += width + Style::Space::half;
    }
    int edge = rtl ? content.left() : content.right();
    painter->setFont(pillFont);
    for (auto it = shown.crbegin(); it != shown.crend(); ++it) {
        QRect pillRect(0, content.center().y() - pillHeight / 2, it->second, pillHeight);
        if (rtl) {
            pillRect.moveLeft(edge);
            edge = pillRect.right() + Style::Space::half;
        } else {
            pillRect.moveRight(edge);
            edge = pillRect.left() - Style::Space::half;
        }
        painter->setPen(QPen(c.border, 1));
        painter->setBrush(selected ? c.surface : c.window);
        painter->drawRoundedRect(QRectF(pillRect).adjusted(0.5, 0.5, -0.5, -0.5), pillHeight / 2.0, pillHeight / 2.0);
        painter->setPen(c.mutedText);
        painter->drawText(pillRect, Qt::AlignCenter,
                          pillMetrics.elidedText(it->first, Qt::ElideRight, pillRect.width() - Style::Space::half));
    }
    if (!shown.isEmpty()) {
        if (rtl) {
            content.setLeft(edge + Style::Space::half);
        } else {
            content.setRight(edge - Style::Space::half);
        }
    }

    painter->setFont(opt.font);
    painter->setPen(opt.state.testFlag(QStyle::State_Enabled) ? c.text : c.mutedText);
    const QFontMetrics metrics(opt.font);
    painter->drawText(content, int(Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft)),
                      metrics.elidedText(opt.text, Qt::ElideRight, content.width()));
    painter->restore();
}

} // namespace Tessera::Ui
