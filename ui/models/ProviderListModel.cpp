#include "models/ProviderListModel.h"

#include "providers/ProviderService.h"

namespace Tessera::Ui {

ProviderListModel::ProviderListModel(const Core::ProviderService& providers, Core::Actor actor, QObject* parent)
    : QAbstractTableModel(parent)
    , m_providers(providers)
    , m_actor(std::move(actor)) {
}

int ProviderListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProviderListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProviderListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return {};
    }
    const Core::ProviderConfig& p = m_rows[size_t(index.row())];
    switch (Column(index.column())) {
    case NameColumn:
        return p.name;
    case KindColumn:
        return p.kind == Core::ProviderKind::OpenAi ? tr("OpenAI") : tr("OpenAI-compatible");
    case BaseUrlColumn:
        return p.baseUrl;
    case ModelColumn:
        return p.defaultModel;
    case KeyColumn:
        switch (p.keySource) {
        case Core::KeySource::Keychain:
            return tr("System keychain");
        case Core::KeySource::Environment:
            return tr("Environment variable %1").arg(p.keyEnvVar);
        case Core::KeySource::None:
            return tr("No key");
        }
        return {};
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProviderListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case BaseUrlColumn:
        return tr("Base URL");
    case ModelColumn:
        return tr("Default model");
    case KeyColumn:
        return tr("API key");
    case ColumnCount:
        break;
    }
    return {};
}

bool ProviderListModel::refresh() {
    auto rows = m_providers.list(m_actor);
    if (!rows) {
        return false;
    }
    beginResetModel();
    m_rows = std::move(*rows);
    endResetModel();
    return true;
}

const Core::ProviderConfig* ProviderListModel::providerAt(int row) const {
    return row >= 0 && size_t(row) < m_rows.size() ? &m_rows[size_t(row)] : nullptr;
}

} // namespace Tessera::Ui
