#include "widgets/UndoBar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace Tessera::Ui {

UndoBar::UndoBar(QAction* undoAction, int seconds, QWidget* parent)
    : QWidget(parent)
    , m_action(undoAction)
    , m_text(new QLabel(this))
    , m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("undoBar"));
    auto* button = new QPushButton(tr("&Undo"), this);
    button->setObjectName(QStringLiteral("undoDelete"));
    button->setAutoDefault(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(button);
    m_timer->setSingleShot(true);
    m_timer->setInterval(seconds * 1000);
    m_action->setEnabled(false);
    hide();
    connect(button, &QPushButton::clicked, this, &UndoBar::undoRequested);
    connect(m_timer, &QTimer::timeout, this, &UndoBar::expired);
}

void UndoBar::offer(const QString& text) {
    m_text->setText(text);
    show();
    m_action->setEnabled(true);
    m_timer->start();
}

void UndoBar::dismiss() {
    m_timer->stop();
    hide();
    m_action->setEnabled(false);
}

} // namespace Tessera::Ui
