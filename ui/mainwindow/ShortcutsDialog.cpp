#include "mainwindow/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

QString plainText(QString text) {
    text.remove(QLatin1Char('&'));
    return text;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar& menus, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this)) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 520);
    QList<QPair<QString, QString>> rows;
    for (QAction* menuAction : menus.actions()) {
        QMenu* menu = menuAction->menu();
        if (!menu) {
            continue;
        }
        for (QAction* action : menu->actions()) {
            if (action->shortcuts().isEmpty()) {
                continue;
            }
            QStringList keys;
            for (const QKeySequence& sequence : action->shortcuts()) {
                keys << sequence.toString(QKeySequence::NativeText);
            }
            rows.append({plainText(menuAction->text()) + QStringLiteral(" ▸ ") + plainText(action->text()),
                         keys.join(QStringLiteral(", "))});
        }
    }
    rows.append({tr("Send the message"), tr("Ctrl+Enter")});
    rows.append({tr("Stop the answer, or cancel an edit"), tr("Esc")});
    rows.append({tr("Choose the provider and model"), tr("Ctrl+Shift+M")});
    rows.append({tr("Move through search results"), tr("Up, Down, Page Up, Page Down")});
    rows.append({tr("Check provider health again (in its window)"), tr("F5")});
    rows.append({tr("Move between controls"), tr("Tab, Shift+Tab")});

    m_table->setObjectName(QStringLiteral("shortcutTable"));
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(rows[row].first));
        m_table->setItem(row, 1, new QTableWidgetItem(rows[row].second));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
}

} // namespace Tessera::Ui
