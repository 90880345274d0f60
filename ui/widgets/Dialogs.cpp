#include "widgets/Dialogs.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace Tessera::Ui {

std::optional<QString> QtDialogs::askText(QWidget* parent, const QString& title, const QString& label,
                                          const QString& initial) {
    bool ok = false;
    const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
    if (!ok) {
        return std::nullopt;
    }
    return text;
}

bool QtDialogs::confirm(QWidget* parent, const QString& title, const QString& text, const QString& action) {
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    QPushButton* goAhead = box.addButton(action, QMessageBox::DestructiveRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    goAhead->setAutoDefault(false);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == goAhead;
}

void QtDialogs::showError(QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::critical(parent, title, text);
}

void QtDialogs::showInfo(QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::information(parent, title, text);
}

QStringList QtDialogs::askOpenFiles(QWidget* parent, const QString& title, const QString& filter) {
    return QFileDialog::getOpenFileNames(parent, title, QString(), filter);
}

QString QtDialogs::askSaveFile(QWidget* parent, const QString& title, const QString& suggestedName,
                               const QString& filters, QString* selectedFilter) {
    return QFileDialog::getSaveFileName(parent, title, suggestedName, filters, selectedFilter);
}

QString QtDialogs::askFolder(QWidget* parent, const QString& title) {
    return QFileDialog::getExistingDirectory(parent, title);
}

} // namespace Tessera::Ui
