#pragma once

#include <QFrame>
#include <QList>
#include <QPair>
#include <QStringList>

class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace Tessera::Ui {

// The provider-and-model picker the composer's model chip opens: a search field over every provider's models,
// grouped by provider. Typing narrows the list; Up and Down move through it; Enter or a click chooses; a model
// name that is not listed can be used as typed with the current provider. Escape closes it unchanged.
class ModelPicker final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelPicker)

public:
    explicit ModelPicker(QWidget* parent = nullptr);

    // (provider, its models) in the order shown; the current choice is selected.
    void setModels(const QList<QPair<QString, QStringList>>& providers, const QString& currentProvider,
                   const QString& currentModel);
    // Opens above the anchor (the chip), with the keyboard in the search field.
    void popup(QWidget* anchor);
    QLineEdit* searchField() const { return m_search; }
    QListWidget* list() const { return m_list; }
    // Chooses the selected entry, as Enter does.
    void chooseCurrent();

Q_SIGNALS:
    void chosen(const QString& provider, const QString& model);
    void reloadRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilter();
    void selectFirstVisible();

    QLineEdit* m_search;
    QListWidget* m_list;
    QToolButton* m_reload;
    QListWidgetItem* m_typed = nullptr; // "Use “…”": the typed name with the current provider
    QString m_currentProvider;
};

} // namespace Tessera::Ui
