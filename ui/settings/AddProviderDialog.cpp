#include "settings/AddProviderDialog.h"

#include "style/Icons.h"
#include "style/Theme.h"

#include "app/CoreServices.h"
#include "providers/HttpJson.h"
#include "providers/ProviderPresets.h"
#include "providers/ProviderProbe.h"
#include "providers/ProviderService.h"
#include "secrets/SecretStore.h"
#include "widgets/ErrorText.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tessera::Ui {

AddProviderDialog::AddProviderDialog(Core::CoreServices& services, Core::Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_preset(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_baseUrl(new QLineEdit(this))
    , m_useKeychain(new QRadioButton(tr("Store the key in the system &keychain"), this))
    , m_useEnv(new QRadioButton(tr("Read the key from an &environment variable"), this))
    , m_useNone(new QRadioButton(tr("&No key (local server)"), this))
    , m_keyGroup(new QButtonGroup(this))
    , m_apiKey(new QLineEdit(this))
    , m_envVar(new QLineEdit(this))
    , m_keychainNotice(new QLabel(this))
    , m_defaultModel(new QComboBox(this))
    , m_apiVersion(new QLineEdit(this))
    , m_maxRetries(new QSpinBox(this))
    , m_requestsPerMinute(new QSpinBox(this))
    , m_tokensPerMinute(new QSpinBox(this))
    , m_firstTokenTimeout(new QSpinBox(this))
    , m_connectTimeout(new QSpinBox(this))
    , m_idleTimeout(new QSpinBox(this))
    , m_rateLimitWait(new QSpinBox(this))
    , m_breakerPause(new QSpinBox(this))
    , m_breakerEnabled(new QCheckBox(tr("Pause requests after repeated failures (&circuit breaker)"), this))
    , m_forcedOpen(new QCheckBox(tr("&Stop all requests to this provider for now"), this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
    , m_testResult(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_advanced(new QToolButton(this))
    , m_advancedPanel(new QWidget(this)) {
    setObjectName(QStringLiteral("addProviderDialog"));
    setWindowTitle(tr("Add Provider"));
    setMinimumWidth(520);

    m_preset->setObjectName(QStringLiteral("presetPicker"));
    for (const Core::ProviderPreset& preset : Core::providerPresets()) {
        m_preset->addItem(QCoreApplication::translate("Tessera::Core::Presets", preset.label), preset.id);
    }
    m_name->setObjectName(QStringLiteral("providerName"));
    m_name->setPlaceholderText(tr("letters, digits, '.', '_' or '-'"));
    m_kind->setObjectName(QStringLiteral("providerKind"));
    for (const QString& name : Core::providerKindNames()) {
        const auto kind = Core::parseProviderKind(name);
        m_kind->addItem(kind == Core::ProviderKind::OpenAiCompatible ? tr("OpenAI-compatible")
                                                                     : Core::kindDisplayName(*kind),
                        name);
    }
    m_apiVersion->setObjectName(QStringLiteral("apiVersion"));
    m_apiVersion->setText(QString::fromLatin1(Core::defaultAzureApiVersion));
    const Core::ResilienceSettings defaults;
    m_maxRetries->setObjectName(QStringLiteral("maxRetries"));
    m_maxRetries->setRange(0, Core::RetryPolicy::maxAllowedRetries);
    m_maxRetries->setValue(defaults.retry.maxRetries);
    m_requestsPerMinute->setObjectName(QStringLiteral("requestsPerMinute"));
    m_requestsPerMinute->setRange(0, 1'000'000);
    m_requestsPerMinute->setSpecialValueText(tr("no limit"));
    m_tokensPerMinute->setObjectName(QStringLiteral("tokensPerMinute"));
    m_tokensPerMinute->setRange(0, 1'000'000'000);
    m_tokensPerMinute->setSingleStep(1000);
    m_tokensPerMinute->setSpecialValueText(tr("no limit"));
    // Durations in seconds; 0 means no limit where the setting allows it.
    const auto seconds = [this](QSpinBox* box, const char* name, int low, int high, qint64 valueMs, bool zeroIsNone) {
        box->setObjectName(QString::fromLatin1(name));
        box->setRange(low, high);
        box->setSuffix(tr(" s"));
        if (zeroIsNone) {
            box->setSpecialValueText(tr("no limit"));
        }
        box->setValue(int(valueMs / 1000));
    };
    seconds(m_firstTokenTimeout, "firstTokenTimeout", 0, 3600, defaults.timeouts.firstTokenMs, true);
    seconds(m_connectTimeout, "connectTimeout", 0, 3600, defaults.timeouts.connectMs, true);
    seconds(m_idleTimeout, "idleTimeout", 0, 3600, defaults.timeouts.idleMs, true);
    seconds(m_rateLimitWait, "rateLimitWait", 0, 600, defaults.rateLimit.maxWaitMs, false);
    m_rateLimitWait->setToolTip(tr("How long a request may wait for the rate limit above before it fails"));
    seconds(m_breakerPause, "breakerPause", 1, 3600, defaults.breaker.openMs, false);
    m_breakerPause->setToolTip(tr("How long requests pause after repeated failures before Tessera tries again"));
    m_breakerEnabled->setObjectName(QStringLiteral("breakerEnabled"));
    m_breakerEnabled->setChecked(true);
    m_forcedOpen->setObjectName(QStringLiteral("breakerForcedOpen"));
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://…/v1"));
    m_useKeychain->setObjectName(QStringLiteral("useKeychain"));
    m_useEnv->setObjectName(QStringLiteral("useEnvVar"));
    m_useNone->setObjectName(QStringLiteral("useNoKey"));
    m_keyGroup->addButton(m_useKeychain);
    m_keyGroup->addButton(m_useEnv);
    m_keyGroup->addButton(m_useNone);
    m_apiKey->setObjectName(QStringLiteral("apiKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("API key"));
    m_apiKey->setAccessibleName(tr("API key"));
    m_envVar->setObjectName(QStringLiteral("envVar"));
    m_envVar->setPlaceholderText(tr("Variable name, e.g. OPENAI_API_KEY"));
    m_envVar->setAccessibleName(tr("Environment variable name"));
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    m_keychainNotice->setWordWrap(true);
    m_keychainNotice->setMinimumWidth(360);
    m_keychainNotice->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
    m_keychainNotice->setStyleSheet(QStringLiteral("color: %1;").arg(Style::css(Style::tokens().warning)));
    m_keychainNotice->hide();
    m_defaultModel->setObjectName(QStringLiteral("defaultModel"));
    m_defaultModel->setEditable(true);
    m_defaultModel->setAccessibleName(tr("Default model"));
    m_test->setObjectName(QStringLiteral("testButton"));
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: %1;").arg(Style::css(Style::tokens().danger)));
    m_problem->hide();
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    // Enter saves, from any field and after a test; Test never becomes the default, Escape cancels.
    m_buttons->button(QDialogButtonBox::Save)->setDefault(true);
    m_test->setAutoDefault(false);

    auto* keyBox = new QVBoxLayout;
    keyBox->addWidget(m_useKeychain);
    keyBox->addWidget(m_apiKey);
    keyBox->addWidget(m_useEnv);
    keyBox->addWidget(m_envVar);
    keyBox->addWidget(m_useNone);
    keyBox->addWidget(m_keychainNotice);

    auto* form = new QFormLayout;
    form->addRow(tr("&Preset:"), m_preset);
    form->addRow(tr("N&ame:"), m_name);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    form->addRow(tr("API key:"), keyBox);
    form->addRow(tr("&Default model:"), m_defaultModel);
    // The rest, which most people never change, under a collapsed Advanced: the protocol, Azure's API version,
    // retries, limits, timeouts and the breaker.
    m_advanced->setObjectName(QStringLiteral("advancedToggle"));
    m_advanced->setText(tr("Advanced"));
    m_advanced->setCheckable(true);
    m_advanced->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advanced->setAutoRaise(true);
    m_advanced->setIcon(Style::icon(Style::Icon::ChevronRight));
    m_advanced->setToolTip(tr("Protocol, retries, limits, timeouts and the circuit breaker"));
    m_advancedPanel->setObjectName(QStringLiteral("advancedPanel"));
    auto* advancedForm = new QFormLayout;
    advancedForm->setContentsMargins(0, 0, 0, 0);
    advancedForm->addRow(tr("K&ind:"), m_kind);
    advancedForm->addRow(tr("API &version (Azure):"), m_apiVersion);
    auto* resilience = new QGroupBox(tr("Failures and limits"), this);
    // Two columns: retries and rate limits on the left, timeouts on the right.
    auto* resilienceGrid = new QGridLayout(resilience);
    const auto addField = [this, resilienceGrid](int row, int column, const QString& label, QWidget* field) {
        auto* caption = new QLabel(label, this);
        caption->setBuddy(field);
        resilienceGrid->addWidget(caption, row, column * 2);
        resilienceGrid->addWidget(field, row, column * 2 + 1);
    };
    addField(0, 0, tr("&Retries:"), m_maxRetries);
    addField(1, 0, tr("Requests per &minute:"), m_requestsPerMinute);
    addField(2, 0, tr("T&okens per minute:"), m_tokensPerMinute);
    addField(3, 0, tr("&Wait for the limit at most:"), m_rateLimitWait);
    addField(0, 1, tr("Connect wit&hin:"), m_connectTimeout);
    addField(1, 1, tr("&First token within:"), m_firstTokenTimeout);
    addField(2, 1, tr("Silence between ch&unks:"), m_idleTimeout);
    addField(3, 1, tr("Pause after fai&lures:"), m_breakerPause);
    resilienceGrid->setColumnStretch(1, 1);
    resilienceGrid->setColumnStretch(3, 1);
    resilienceGrid->addWidget(m_breakerEnabled, 4, 0, 1, 4);
    resilienceGrid->addWidget(m_forcedOpen, 5, 0, 1, 4);
    connect(m_breakerEnabled, &QCheckBox::toggled, m_breakerPause, &QWidget::setEnabled);
    auto* advancedLayout = new QVBoxLayout(m_advancedPanel);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    advancedLayout->addLayout(advancedForm);
    advancedLayout->addWidget(resilience);
    m_advancedPanel->hide();
    connect(m_advanced, &QToolButton::toggled, this, [this](bool open) {
        m_advanced->setIcon(Style::icon(open ? Style::Icon::ChevronDown : Style::Icon::ChevronRight));
        m_advancedPanel->setVisible(open);
        adjustSize();
    });
    form->addRow(m_advanced);
    form->addRow(m_advancedPanel);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &AddProviderDialog::handlePresetChanged);
    const auto updateApiVersion = [this] {
        m_apiVersion->setEnabled(m_kind->currentData().toString() == Core::kindName(Core::ProviderKind::AzureOpenAi));
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, updateApiVersion);
    connect(m_keyGroup, &QButtonGroup::buttonToggled, this, &AddProviderDialog::handleKeySourceChanged);
    connect(m_test, &QPushButton::clicked, this, &AddProviderDialog::handleTest);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddProviderDialog::handleSave);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    handlePresetChanged();
    updateApiVersion();

    // Say plainly when there is no keychain, and offer the environment-variable route instead.
    QPointer<AddProviderDialog> self(this);
    m_services.secrets().probe([self](const Core::Status& status) {
        if (!self) {
            return;
        }
        self->m_keychainAvailable = bool(status);
        if (!status) {
            self->m_useKeychain->setEnabled(false);
            self->m_apiKey->setEnabled(false);
            if (self->m_useKeychain->isChecked()) {
                self->m_useEnv->setChecked(true);
            }
            self->m_keychainNotice->setText(
                tr("No system keychain (Secret Service) is available, so Tessera cannot store an API key securely. "
                   "Put the key in an environment variable before starting Tessera and enter the variable's name "
                   "above. Tessera never stores keys in plain text."));
            self->m_keychainNotice->show();
            self->adjustSize(); // make room for the wrapped notice
        }
        Q_EMIT self->keychainChecked(self->m_keychainAvailable);
    });
}

AddProviderDialog::AddProviderDialog(Core::CoreServices& services, Core::Actor actor,
                                     const Core::ProviderConfig& existing, QWidget* parent)
    : AddProviderDialog(services, std::move(actor), parent) {
    fillFrom(existing);
}

void AddProviderDialog::fillFrom(const Core::ProviderConfig& existing) {
    m_existing = existing;
    setWindowTitle(tr("Edit Provider"));
    {
        // Show the preset the provider came from (same kind and URL, else same kind), without applying it.
        const QSignalBlocker blocker(m_preset);
        int match = -1;
        for (const Core::ProviderPreset& preset : Core::providerPresets()) {
            if (preset.kind != existing.kind) {
                continue;
            }
            const int index = m_preset->findData(preset.id);
            if (match < 0 || Core::trimmedBaseUrl(preset.baseUrl) == Core::trimmedBaseUrl(existing.baseUrl)) {
                match = index;
            }
        }
        m_preset->setCurrentIndex(match >= 0 ? match : m_preset->findData(QStringLiteral("custom")));
    }
    m_preset->setEnabled(false);
    m_name->setText(existing.name);
    m_name->setReadOnly(true);
    m_kind->setCurrentIndex(m_kind->findData(QString(Core::kindName(existing.kind))));
    if (!existing.apiVersion.isEmpty()) {
        m_apiVersion->setText(existing.apiVersion);
    }
    m_maxRetries->setValue(existing.resilience.retry.maxRetries);
    m_requestsPerMinute->setValue(existing.resilience.rateLimit.requestsPerMinute);
    m_tokensPerMinute->setValue(int(std::min<qint64>(existing.resilience.rateLimit.tokensPerMinute, 1'000'000'000)));
    m_firstTokenTimeout->setValue(int(existing.resilience.timeouts.firstTokenMs / 1000));
    m_connectTimeout->setValue(int(existing.resilience.timeouts.connectMs / 1000));
    m_idleTimeout->setValue(int(existing.resilience.timeouts.idleMs / 1000));
    m_rateLimitWait->setValue(int(existing.resilience.rateLimit.maxWaitMs / 1000));
    m_breakerPause->setValue(int(std::max<qint64>(1000, existing.resilience.breaker.openMs) / 1000));
    m_breakerEnabled->setChecked(existing.resilience.breaker.enabled);
    m_forcedOpen->setChecked(existing.resilience.breaker.forcedOpen);
    m_baseUrl->setText(existing.baseUrl);
    m_defaultModel->setCurrentText(existing.defaultModel);
    m_envVar->setText(existing.keyEnvVar);
    switch (existing.keySource) {
    case Core::KeySource::Keychain:
        m_useKeychain->setChecked(true);
        m_apiKey->setPlaceholderText(tr("Leave empty to keep the stored key"));
        break;
    case Core::KeySource::Environment:
        m_useEnv->setChecked(true);
        break;
    case Core::KeySource::None:
        m_useNone->setChecked(true);
        break;
    }
    handleKeySourceChanged();
}

bool AddProviderDialog::keepsStoredKey() const {
    return m_existing && m_existing->keySource == Core::KeySource::Keychain && m_useKeychain->isChecked() &&
           m_apiKey->text().trimmed().isEmpty();
}

void AddProviderDialog::handlePresetChanged() {
    if (m_existing) {
        return;
    }
    const Core::ProviderPreset* preset = Core::findPreset(m_preset->currentData().toString());
    if (!preset) {
        return;
    }
    m_kind->setCurrentIndex(m_kind->findData(QString(Core::kindName(preset->kind))));
    m_baseUrl->setText(preset->baseUrl);
    if (m_name->text().isEmpty() || Core::findPreset(m_name->text())) {
        m_name->setText(preset->id == QLatin1StringView("custom") ? QString() : preset->id);
    }
    m_envVar->setText(preset->suggestedEnvVar);
    if (!preset->needsKey) {
        m_useNone->setChecked(true);
    } else if (m_keychainAvailable) {
        m_useKeychain->setChecked(true);
    } else {
        m_useEnv->setChecked(true);
    }
    handleKeySourceChanged();
}

void AddProviderDialog::handleKeySourceChanged() {
    m_apiKey->setEnabled(m_useKeychain->isChecked() && m_keychainAvailable);
    m_envVar->setEnabled(m_useEnv->isChecked());
}

std::optional<Core::ProviderConfig> AddProviderDialog::configFromFields(QString* problem) const {
    // Editing keeps what the dialog does not show (id, enabled, the finer resilience settings).
    Core::ProviderConfig config = m_existing.value_or(Core::ProviderConfig{});
    config.name = m_name->text().trimmed();
    config.kind =
        Core::parseProviderKind(m_kind->currentData().toString()).value_or(Core::ProviderKind::OpenAiCompatible);
    config.baseUrl = m_baseUrl->text().trimmed();
    config.defaultModel = m_defaultModel->currentText().trimmed();
    config.keySource = m_useKeychain->isChecked() ? Core::KeySource::Keychain
                       : m_useEnv->isChecked()    ? Core::KeySource::Environment
                                                  : Core::KeySource::None;
    config.keyEnvVar = m_envVar->text().trimmed();
    config.apiVersion = config.kind == Core::ProviderKind::AzureOpenAi ? m_apiVersion->text().trimmed() : QString();
    config.resilience.retry.maxRetries = m_maxRetries->value();
    config.resilience.rateLimit.requestsPerMinute = m_requestsPerMinute->value();
    config.resilience.rateLimit.tokensPerMinute = m_tokensPerMinute->value();
    config.resilience.timeouts.firstTokenMs = qint64(m_firstTokenTimeout->value()) * 1000;
    config.resilience.timeouts.connectMs = qint64(m_connectTimeout->value()) * 1000;
    config.resilience.timeouts.idleMs = qint64(m_idleTimeout->value()) * 1000;
    config.resilience.rateLimit.maxWaitMs = qint64(m_rateLimitWait->value()) * 1000;
    config.resilience.breaker.openMs = qint64(m_breakerPause->value()) * 1000;
    config.resilience.breaker.enabled = m_breakerEnabled->isChecked();
    config.resilience.breaker.forcedOpen = m_forcedOpen->isChecked();
    if (config.kind == Core::ProviderKind::AzureOpenAi && config.apiVersion.isEmpty()) {
        *problem = tr("Azure OpenAI needs an API version, for example %1.")
                       .arg(QLatin1StringView(Core::defaultAzureApiVersion));
        return std::nullopt;
    }
    if (!Core::isValidProviderName(config.name)) {
        *problem = tr("The name must be 1–64 letters, digits, '.', '_' or '-'.");
        return std::nullopt;
    }
    if (!Core::isValidBaseUrl(config.baseUrl)) {
        *problem = tr("The base URL must start with http:// or https://, for example http://localhost:1234/v1.");
        return std::nullopt;
    }
    if (config.keySource == Core::KeySource::Environment && !Core::isValidEnvVarName(config.keyEnvVar)) {
        *problem = tr("Enter the name of the environment variable that holds the key (letters, digits and '_').");
        return std::nullopt;
    }
    return config;
}

std::optional<QString> AddProviderDialog::keyFromFields(QString* problem) const {
    if (m_useKeychain->isChecked()) {
        if (m_apiKey->text().trimmed().isEmpty()) {
            *problem = tr("Enter the API key, or choose another way to provide it.");
            return std::nullopt;
        }
        return m_apiKey->text().trimmed();
    }
    if (m_useEnv->isChecked()) {
        const QString value = qEnvironmentVariable(m_envVar->text().trimmed().toLocal8Bit().constData()).trimmed();
        if (value.isEmpty()) {
            *problem = tr("The environment variable %1 is not set in the environment Tessera was started from.")
                           .arg(m_envVar->text().trimmed());
            return std::nullopt;
        }
        return value;
    }
    return QString();
}

void AddProviderDialog::setBusy(bool busy) {
    if (busy) {
        m_busy.begin({m_test, m_buttons->button(QDialogButtonBox::Save)});
    } else {
        m_busy.end();
    }
}

void AddProviderDialog::handleTest() {
    QString problem;
    const auto config = configFromFields(&problem);
    const bool useStoredKey = config && keepsStoredKey();
    const auto key = config && !useStoredKey ? keyFromFields(&problem) : std::nullopt;
    if (!config || (!key && !useStoredKey)) {
        m_testResult->setText(problem);
        return;
    }
    setBusy(true);
    m_testResult->setText(tr("Testing…"));
    QPointer<AddProviderDialog> self(this);
    m_services.probe().run(
        *config,
        [self](const Core::ProbeReport& report) {
            if (!self) {
                return;
            }
            self->setBusy(false);
            const auto mark = [](bool ok) {
                return ok ? QStringLiteral("✔") : QStringLiteral("✘");
            };
            QString text =
                tr("Reachable %1 · Authenticated %2").arg(mark(report.reachable), mark(report.authenticated));
            if (report.ok()) {
                text += tr(" · %n model(s) · %1 ms", nullptr, int(report.models.size())).arg(report.latencyMs);
                const QString chosen = self->m_defaultModel->currentText();
                self->m_defaultModel->clear();
                self->m_defaultModel->addItems(report.models);
                self->m_defaultModel->setCurrentText(
                    chosen.isEmpty() && !report.models.isEmpty() ? report.models.first() : chosen);
            } else {
                text += QStringLiteral("\n") + describeError(*report.error);
            }
            self->m_testResult->setText(text);
        },
        key);
}

void AddProviderDialog::handleSave() {
    QString problem;
    auto config = configFromFields(&problem);
    std::optional<QString> key;
    if (config && config->keySource == Core::KeySource::Keychain && !keepsStoredKey()) {
        key = keyFromFields(&problem);
    }
    if (!config || (config->keySource == Core::KeySource::Keychain && !key && !keepsStoredKey())) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    if (m_existing) {
        config->id = m_existing->id;
        config->name = m_existing->name;
    } else if (m_services.providers().find(m_actor, config->name)) {
        m_problem->setText(tr("A provider named %1 already exists. Choose another name.").arg(config->name));
        m_problem->show();
        return;
    }
    // The service writes the key to the keychain first and stores the provider only if that worked.
    setBusy(true);
    QPointer<AddProviderDialog> self(this);
    const auto saved = [self](Core::Result<Core::ProviderConfig> result) {
        if (!self) {
            return;
        }
        self->setBusy(false);
        if (!result) {
            self->m_problem->setText(describeError(result.error()));
            self->m_problem->show();
            return;
        }
        self->m_apiKey->clear();
        self->m_savedName = result->name;
        Q_EMIT self->providerAdded(result->name);
        self->accept();
    };
    if (m_existing) {
        m_services.providers().update(m_actor, *config, key, saved);
    } else {
        m_services.providers().add(m_actor, *config, key, saved);
    }
}

void AddProviderDialog::choosePreset(const QString& presetId) {
    if (const int index = m_preset->findData(presetId); index >= 0) {
        m_preset->setCurrentIndex(index);
    }
}

void AddProviderDialog::setAdvancedShown(bool shown) {
    m_advanced->setChecked(shown);
}

} // namespace Tessera::Ui
