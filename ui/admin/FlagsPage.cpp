#include "admin/FlagsPage.h"

#include "accounts/AccountService.h"
#include "accounts/FeatureFlags.h"
#include "accounts/RoleService.h"
#include "app/CoreServices.h"
#include "style/Tokens.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Tessera::Ui {

namespace {

enum Column { FlagColumn, EveryoneColumn, OverridesColumn, ColumnCount };

} // namespace

FlagsPage::FlagsPage(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs)
    , m_table(new QTableWidget(this)) {
    setObjectName(QStringLiteral("flagsPage"));
    m_table->setObjectName(QStringLiteral("flagTable"));
    m_table->setAccessibleName(tr("Feature flags"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Feature"), tr("For everyone"), tr("Set for roles and users")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(FlagColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(EveryoneColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* overrideButton = new QPushButton(tr("Set for a &Role or User…"), this);
    overrideButton->setObjectName(QStringLiteral("flagOverride"));
    overrideButton->setAutoDefault(false);
    connect(overrideButton, &QPushButton::clicked, this, &FlagsPage::openOverride);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(overrideButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, 0, 0, 0);
    layout->setSpacing(Style::Space::one);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    refresh();
}

void FlagsPage::refresh() {
    auto states = m_services.flags().list(m_actor);
    if (!states) {
        m_dialogs.showError(this, tr("Feature Flags"), describeError(states.error()));
        return;
    }
    QHash<qint64, QString> roleNames;
    if (auto roles = m_services.roles().list(m_actor)) {
        for (const Core::RoleInfo& info : *roles) {
            roleNames.insert(info.role.id, info.role.name);
        }
    }
    QHash<qint64, QString> userNames;
    if (auto users = m_services.accounts().users(m_actor)) {
        for (const Core::UserInfo& user : *users) {
            userNames.insert(user.account.id, user.account.username);
        }
    }
    m_filling = true;
    m_table->setRowCount(int(states->size()));
    for (int row = 0; row < int(states->size()); ++row) {
        const Core::FlagState& state = states->at(std::size_t(row));
        auto* name = new QTableWidgetItem(
            QCoreApplication::translate("Tessera::Core::FeatureFlags", state.definition.description));
        name->setToolTip(state.definition.key);
        m_table->setItem(row, FlagColumn, name);
        auto* everyone = new QComboBox(m_table);
        everyone->setAccessibleName(tr("%1 for everyone").arg(name->text()));
        everyone->addItem(state.definition.defaultOn ? tr("Default (on)") : tr("Default (off)"));
        everyone->addItem(tr("On"));
        everyone->addItem(tr("Off"));
        everyone->setCurrentIndex(!state.storeDefault ? 0 : *state.storeDefault ? 1 : 2);
        connect(everyone, &QComboBox::currentIndexChanged, this, [this, row](int choice) {
            if (!m_filling) {
                setForEveryone(row, choice);
            }
        });
        m_table->setCellWidget(row, EveryoneColumn, everyone);
        QStringList overrides;
        for (const auto& [id, on] : state.roles) {
            overrides << tr("role %1: %2").arg(roleNames.value(id, QString::number(id)), on ? tr("on") : tr("off"));
        }
        for (const auto& [id, on] : state.users) {
            overrides << tr("user %1: %2").arg(userNames.value(id, QString::number(id)), on ? tr("on") : tr("off"));
        }
        m_table->setItem(row, OverridesColumn, new QTableWidgetItem(overrides.join(QStringLiteral(", "))));
    }
    m_filling = false;
}

bool FlagsPage::setForEveryone(int row, int choice) {
    const auto& definitions = Core::featureDefinitions();
    if (row < 0 || row >= int(definitions.size())) {
        return false;
    }
    const Core::Feature feature = definitions[std::size_t(row)].feature;
    Core::Status changed = choice == 0
                               ? m_services.flags().unset(m_actor, feature, Core::FlagScope::Default, 0)
                               : m_services.flags().set(m_actor, feature, Core::FlagScope::Default, 0, choice == 1);
    if (!changed && !(choice == 0 && changed.error().code == Core::ErrorCode::NotFound)) {
        m_dialogs.showError(this, tr("Feature Flags"), describeError(changed.error()));
        refresh();
        return false;
    }
    refresh();
    return true;
}

bool FlagsPage::setOverride(int row, bool forRole, const QString& name, int choice) {
    const auto& definitions = Core::featureDefinitions();
    if (row < 0 || row >= int(definitions.size())) {
        return false;
    }
    qint64 id = 0;
    if (forRole) {
        auto role = m_services.roles().show(m_actor, name);
        if (!role) {
            m_dialogs.showError(this, tr("Feature Flags"), describeError(role.error()));
            return false;
        }
        id = role->role.id;
    } else {
        auto user = m_services.accounts().user(m_actor, name);
        if (!user) {
            m_dialogs.showError(this, tr("Feature Flags"), describeError(user.error()));
            return false;
        }
        id = user->account.id;
    }
    const Core::Feature feature = definitions[std::size_t(row)].feature;
    const Core::FlagScope scope = forRole ? Core::FlagScope::Role : Core::FlagScope::User;
    Core::Status changed = choice == 0 ? m_services.flags().unset(m_actor, feature, scope, id)
                                       : m_services.flags().set(m_actor, feature, scope, id, choice == 1);
    refresh();
    if (!changed) {
        m_dialogs.showError(this, tr("Feature Flags"), describeError(changed.error()));
        return false;
    }
    return true;
}

void FlagsPage::openOverride() {
    const int row = m_table->currentRow();
    if (row < 0) {
        m_dialogs.showInfo(this, tr("Feature Flags"), tr("Choose a feature in the list first."));
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Set for a Role or User"));
    auto* kind = new QComboBox(&dialog);
    kind->addItem(tr("Role"));
    kind->addItem(tr("User"));
    auto* who = new QComboBox(&dialog);
    const auto fill = [this, kind, who] {
        who->clear();
        if (kind->currentIndex() == 0) {
            if (auto roles = m_services.roles().list(m_actor)) {
                for (const Core::RoleInfo& info : *roles) {
                    who->addItem(info.role.name);
                }
            }
        } else if (auto users = m_services.accounts().users(m_actor)) {
            for (const Core::UserInfo& user : *users) {
                who->addItem(user.account.username);
            }
        }
    };
    fill();
    connect(kind, &QComboBox::currentIndexChanged, &dialog, fill);
    auto* value = new QComboBox(&dialog);
    value->addItem(tr("Follow the next level"));
    value->addItem(tr("On"));
    value->addItem(tr("Off"));
    value->setCurrentIndex(1);
    auto* form = new QFormLayout;
    form->addRow(tr("&For:"), kind);
    form->addRow(tr("&Name:"), who);
    form->addRow(tr("&Setting:"), value);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() == QDialog::Accepted && !who->currentText().isEmpty()) {
        setOverride(row, kind->currentIndex() == 0, who->currentText(), value->currentIndex());
    }
}

} // namespace Tessera::Ui
