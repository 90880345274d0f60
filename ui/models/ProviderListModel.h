#pragma once

#include "common/Actor.h"

#include "providers/ProviderConfig.h"

#include <QAbstractTableModel>

#include <vector>

namespace Tessera::Core {
class ProviderService;
}

namespace Tessera::Ui {

// Configured providers: name, kind, base URL, default model and where the key lives (never the key).
class ProviderListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderListModel)

public:
    enum Column { NameColumn, KindColumn, BaseUrlColumn, ModelColumn, KeyColumn, ColumnCount };

    ProviderListModel(const Core::ProviderService& providers, Core::Actor actor, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool refresh();
    const Core::ProviderConfig* providerAt(int row) const;

private:
    const Core::ProviderService& m_providers;
    const Core::Actor m_actor;
    std::vector<Core::ProviderConfig> m_rows;
};

} // namespace Tessera::Ui
