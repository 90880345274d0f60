#include "search/SearchDialog.h"

#include "models/SearchResultModel.h"
#include "widgets/ErrorText.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

// Two lines a result: the conversation's title with who wrote the message and when, then the snippet with the
// matches in bold.
class SearchResultDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        item.text.clear();
        QStyle* style = item.widget ? item.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

        const bool selected = option.state & QStyle::State_Selected;
        const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
        const QRect area = option.rect.adjusted(6, 3, -6, -3);
        const QFontMetrics metrics(option.font);
        QFont bold = option.font;
        bold.setBold(true);
        painter->save();
        painter->setPen(option.palette.color(textRole));
        painter->setFont(bold);
        const QString detail = index.data(SearchResultModel::DetailRole).toString();
        const int detailWidth = metrics.horizontalAdvance(detail) + 12;
        const QRect titleRect(area.left(), area.top(), area.width() - detailWidth, metrics.height());
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(index.data(SearchResultModel::TitleRole).toString(),
                                                        Qt::ElideRight, titleRect.width()));
        painter->setFont(option.font);
        painter->drawText(QRect(area.right() - detailWidth, area.top(), detailWidth, metrics.height()),
                          Qt::AlignRight | Qt::AlignVCenter, detail);

        QTextDocument document;
        document.setDefaultFont(option.font);
        document.setDocumentMargin(0);
        document.setTextWidth(area.width());
        document.setHtml(index.data(SearchResultModel::SnippetHtmlRole).toString());
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = option.palette;
        context.palette.setColor(QPalette::Text, option.palette.color(textRole));
        const QRect snippetRect(area.left(), area.top() + metrics.height() + 2, area.width(), 2 * metrics.height());
        painter->translate(snippetRect.topLeft());
        context.clip = QRect(QPoint(0, 0), snippetRect.size());
        painter->setClipRect(context.clip);
        document.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override {
        const QFontMetrics metrics(option.font);
        return {option.rect.width(), metrics.height() * 3 + 10};
    }
};

} // namespace

SearchDialog::SearchDialog(const Core::ConversationService& conversations, const Core::Actor& actor, QWidget* parent)
    : QDialog(parent)
    , m_model(new SearchResultModel(conversations, actor, this))
    , m_query(new QLineEdit(this))
    , m_results(new QListView(this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("searchDialog"));
    setWindowTitle(tr("Search Conversations"));
    resize(720, 480);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setAccessibleName(tr("Search text"));
    m_query->setPlaceholderText(tr("Search all conversations… (\"quotes\" for a phrase)"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setAccessibleName(tr("Matching messages"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setUniformItemSizes(true);
    m_results->setAlternatingRowColors(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(typingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &SearchDialog::searchNow);
    connect(m_query, &QLineEdit::textChanged, this, [this] { m_typingPause.start(); });
    connect(m_query, &QLineEdit::returnPressed, this, &SearchDialog::openCurrent);
    connect(m_results, &QListView::activated, this, &SearchDialog::openCurrent);
    m_status->setText(tr("Type to search every message."));
}

void SearchDialog::searchNow() {
    m_typingPause.stop();
    if (auto error = m_model->setQuery(m_query->text())) {
        m_status->setText(describeError(*error));
        return;
    }
    const int count = m_model->rowCount();
    if (m_query->text().trimmed().isEmpty()) {
        m_status->setText(tr("Type to search every message."));
    } else if (count == 0) {
        m_status->setText(tr("No messages match."));
    } else {
        m_status->setText(m_model->canFetchMore({}) ? tr("The newest %n matches; scroll for more.", nullptr, count)
                                                    : tr("%n matching message(s), newest first.", nullptr, count));
        m_results->setCurrentIndex(m_model->index(0));
    }
}

void SearchDialog::openCurrent() {
    if (m_typingPause.isActive()) {
        searchNow();
    }
    const QModelIndex current = m_results->currentIndex();
    if (!current.isValid()) {
        return;
    }
    Q_EMIT messageChosen(current.data(SearchResultModel::ConversationIdRole).toLongLong(),
                         current.data(SearchResultModel::MessageIdRole).toLongLong());
    accept();
}

bool SearchDialog::eventFilter(QObject* watched, QEvent* event) {
    // Up, Down, Page Up and Page Down in the search field move through the results.
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QApplication::sendEvent(m_results, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Tessera::Ui
