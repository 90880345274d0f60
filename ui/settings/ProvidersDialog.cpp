#include "settings/ProvidersDialog.h"

#include "app/CoreServices.h"
#include "models/ProviderListModel.h"
#include "providers/ProviderProbe.h"
#include "providers/ProviderService.h"
#include "secrets/SecretStore.h"
#include "settings/AddProviderDialog.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Tessera::Ui {

ProvidersDialog::ProvidersDialog(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_model(new ProviderListModel(services.providers(), m_actor, this))
    , m_view(new QTableView(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_test(new QPushButton(tr("&Test"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_result(new QLabel(this)) {
    setObjectName(QStringLiteral("providersDialog"));
    setWindowTitle(tr("Providers"));
    resize(760, 360);
    m_view->setObjectName(QStringLiteral("providerTable"));
    m_view->setAccessibleName(tr("Providers"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_add->setObjectName(QStringLiteral("addProvider"));
    m_edit->setObjectName(QStringLiteral("editProvider"));
    m_test->setObjectName(QStringLiteral("testProvider"));
    m_remove->setObjectName(QStringLiteral("removeProvider"));
    m_result->setObjectName(QStringLiteral("providerTestResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_test);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addWidget(m_view, 1);
    row->addLayout(buttons);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Enter closes the window; the side buttons act only when pressed (Enter after Test never removes).
    for (QPushButton* button : {m_add, m_edit, m_test, m_remove}) {
        button->setAutoDefault(false);
    }
    close->button(QDialogButtonBox::Close)->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_result);
    layout->addWidget(close);

    connect(m_add, &QPushButton::clicked, this, &ProvidersDialog::handleAdd);
    connect(m_edit, &QPushButton::clicked, this, &ProvidersDialog::handleEdit);
    connect(m_view, &QTableView::doubleClicked, this, &ProvidersDialog::handleEdit);
    connect(m_test, &QPushButton::clicked, this, &ProvidersDialog::handleTest);
    connect(m_remove, &QPushButton::clicked, this, &ProvidersDialog::handleRemove);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProvidersDialog::updateButtons);

    m_model->refresh();
    if (m_model->rowCount() > 0) {
        m_view->selectRow(0);
    }
    m_view->resizeColumnsToContents();
    updateButtons();
}

int ProvidersDialog::currentRow() const {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void ProvidersDialog::updateButtons() {
    if (m_busy.busy()) {
        return;
    }
    const bool selected = currentRow() >= 0;
    m_test->setEnabled(selected);
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void ProvidersDialog::handleAdd() {
    openEditor(new AddProviderDialog(m_services, m_actor, this));
}

void ProvidersDialog::handleEdit() {
    if (const Core::ProviderConfig* provider = m_model->providerAt(currentRow())) {
        openEditor(new AddProviderDialog(m_services, m_actor, *provider, this));
    }
}

void ProvidersDialog::openEditor(AddProviderDialog* dialog) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddProviderDialog::providerAdded, this, [this] {
        m_model->refresh();
        m_view->resizeColumnsToContents();
        updateButtons();
        Q_EMIT providersChanged();
    });
    dialog->open();
}

void ProvidersDialog::handleTest() {
    const Core::ProviderConfig* provider = m_model->providerAt(currentRow());
    if (!provider) {
        return;
    }
    m_busy.begin({m_test, m_edit, m_remove});
    m_result->setText(tr("Testing %1…").arg(provider->name));
    QPointer<ProvidersDialog> self(this);
    m_services.probe().run(*provider, [self, name = provider->name](const Core::ProbeReport& report) {
        if (!self) {
            return;
        }
        self->m_busy.end();
        self->updateButtons();
        if (report.ok()) {
            self->m_result->setText(
                tr("%1: reachable, authenticated, %n model(s), %2 ms", nullptr, int(report.models.size()))
                    .arg(name)
                    .arg(report.latencyMs));
        } else {
            self->m_result->setText(tr("%1: %2").arg(name, describeError(*report.error)));
        }
    });
}

QString ProvidersDialog::removalQuestion(const Core::ProviderConfig& provider) {
    switch (provider.keySource) {
    case Core::KeySource::Keychain:
        return tr("Remove %1? Its API key is deleted from the system keychain; its conversations are kept.")
            .arg(provider.name);
    case Core::KeySource::Environment:
        return tr("Remove %1? Its conversations are kept. Its key stays in the environment variable %2; Tessera "
                  "only stops using it.")
            .arg(provider.name, provider.keyEnvVar);
    case Core::KeySource::None:
        break;
    }
    return tr("Remove %1? Its conversations are kept.").arg(provider.name);
}

void ProvidersDialog::handleRemove() {
    const Core::ProviderConfig* selected = m_model->providerAt(currentRow());
    if (!selected) {
        return;
    }
    const Core::ProviderConfig provider = *selected;
    if (!m_dialogs.confirm(this, tr("Remove Provider"), removalQuestion(provider), tr("Remove"))) {
        return;
    }
    QPointer<ProvidersDialog> self(this);
    m_services.providers().remove(m_actor, provider.name, [self](Core::Result<Core::ProviderRemoval> removal) {
        if (!self) {
            return;
        }
        if (!removal) {
            self->m_dialogs.showError(self, tr("Remove Provider"), describeError(removal.error()));
            return;
        }
        if (removal->keyError) {
            self->m_result->setText(tr("%1 was removed, but its key could not be deleted from the keychain: %2")
                                        .arg(removal->provider.name, describeError(*removal->keyError)));
        }
        self->m_model->refresh();
        self->updateButtons();
        Q_EMIT self->providersChanged();
    });
}

} // namespace Tessera::Ui
