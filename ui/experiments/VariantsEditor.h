#pragma once

#include "common/Actor.h"
#include "experiments/Experiments.h"

#include <QWidget>

#include <optional>

class QPushButton;
class QTableWidget;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

// The variants of an experiment or a comparison: 2 to 6 rows of a label, a template and its version (production
// unless chosen), a provider and a model; with `allowInputAsIs`, a row may send the input as it is instead of a
// template. Add and remove rows with the buttons under the table.
class VariantsEditor final : public QWidget {
    Q_OBJECT

public:
    enum Column { Label, Template, Version, Provider, Model };

    VariantsEditor(Core::CoreServices& services, const Core::Actor& actor, bool allowInputAsIs,
                   QWidget* parent = nullptr);

    int addVariant();
    void removeVariant();
    // Sets a row as the user would: the template's name ("-" for the input as it is), version 0 for production.
    void setVariant(int row, const QString& templateName, int version, const QString& provider, const QString& model);
    // The rows as variants; nullopt with *problem set when one is incomplete.
    std::optional<std::vector<Core::ExperimentVariant>> variants(QString* problem) const;

    QTableWidget* table() const { return m_table; }
    // The providers a variant may use (enabled ones the person sees).
    const QStringList& providerNames() const { return m_providers; }

private:
    QStringList m_templates;
    QStringList m_providers;
    bool m_inputAsIs;
    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_remove;
};

} // namespace Tessera::Ui
