#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace Tessera::Ui {

// Every modal question the UI asks goes through here, so tests can answer it without a nested event loop.
class Dialogs {
public:
    virtual ~Dialogs() = default;
    virtual std::optional<QString> askText(QWidget* parent, const QString& title, const QString& label,
                                           const QString& initial) = 0;
    // Asks before something is lost: text names what will be lost, action labels the button that goes ahead
    // ("Remove", "Delete"). Cancel is the default and Escape answers it.
    virtual bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& action) = 0;
    virtual void showError(QWidget* parent, const QString& title, const QString& text) = 0;
    virtual void showInfo(QWidget* parent, const QString& title, const QString& text) = 0;
    // Files to open; empty when the user cancels. filter as in QFileDialog ("Images (*.png *.jpg)").
    virtual QStringList askOpenFiles(QWidget* parent, const QString& title, const QString& filter) = 0;
    // A file to write; empty when cancelled. selectedFilter receives the filter chosen.
    virtual QString askSaveFile(QWidget* parent, const QString& title, const QString& suggestedName,
                                const QString& filters, QString* selectedFilter) = 0;
    // A folder (to write files into); empty when cancelled.
    virtual QString askFolder(QWidget* parent, const QString& title) = 0;
};

// The real dialogs (QInputDialog, QMessageBox).
class QtDialogs final : public Dialogs {
public:
    std::optional<QString> askText(QWidget* parent, const QString& title, const QString& label,
                                   const QString& initial) override;
    bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& action) override;
    void showError(QWidget* parent, const QString& title, const QString& text) override;
    void showInfo(QWidget* parent, const QString& title, const QString& text) override;
    QStringList askOpenFiles(QWidget* parent, const QString& title, const QString& filter) override;
    QString askSaveFile(QWidget* parent, const QString& title, const QString& suggestedName, const QString& filters,
                        QString* selectedFilter) override;
    QString askFolder(QWidget* parent, const QString& title) override;
};

} // namespace Tessera::Ui
