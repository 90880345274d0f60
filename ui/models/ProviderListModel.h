#pragma once

#include "providers/ProviderConfig.h"

#include <QAbstractTableModel>

#include <vector>

namespace Tessera::Core {
class ProviderRepository;
}

namespace Tessera::Ui {

// Configured providers: name, kind, base URL, default model and where the key lives (never the key).
class ProviderListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderListModel)

public:
    enum Column { NameColumn, KindColumn, BaseUrlColumn, ModelColumn, KeyColumn, ColumnCount };

    explicit ProviderListModel(const Core::ProviderRepository& repository, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool refresh();
    const Core::ProviderConfig* providerAt(int row) const;

private:
    const Core::ProviderRepository& m_repository;
    std::vector<Core::ProviderConfig> m_rows;
};

} // namespace Tessera::Ui
