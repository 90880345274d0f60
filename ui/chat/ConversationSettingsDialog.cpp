#include "chat/ConversationSettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Tessera::Ui {

ConversationSettingsDialog::ConversationSettingsDialog(const ConversationSettings& current,
                                                       const std::vector<Core::ProviderConfig>& providers,
                                                       QWidget* parent)
    : QDialog(parent)
    , m_providers(providers)
    , m_systemPrompt(new QPlainTextEdit(this))
    , m_fallbackProvider(new QComboBox(this))
    , m_fallbackModel(new QComboBox(this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_maxTokens(new QSpinBox(this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("conversationSettingsDialog"));
    setWindowTitle(tr("Conversation Settings"));
    resize(520, 360);
    m_systemPrompt->setObjectName(QStringLiteral("systemPrompt"));
    m_systemPrompt->setAccessibleName(tr("System prompt"));
    m_systemPrompt->setPlaceholderText(tr("Instructions the model follows throughout this conversation"));
    m_systemPrompt->setTabChangesFocus(true);
    m_systemPrompt->setPlainText(current.systemPrompt);
    // The lowest value of each box stands for "the provider's default".
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setRange(-0.1, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(1);
    m_temperature->setSpecialValueText(tr("Provider default"));
    m_temperature->setValue(current.temperature.value_or(-0.1));
    m_temperature->setToolTip(tr("Lower is more focused and repeatable, higher more varied (0 to 2)"));
    m_maxTokens->setObjectName(QStringLiteral("maxTokens"));
    m_maxTokens->setRange(0, 1'000'000);
    m_maxTokens->setSingleStep(256);
    m_maxTokens->setSpecialValueText(tr("Provider default"));
    m_maxTokens->setValue(current.maxTokens.value_or(0));
    m_maxTokens->setToolTip(tr("The longest answer, in tokens"));
    m_fallbackProvider->setObjectName(QStringLiteral("fallbackProvider"));
    m_fallbackProvider->setAccessibleName(tr("Fallback provider"));
    m_fallbackProvider->addItem(tr("None"), QVariant());
    for (const Core::ProviderConfig& provider : m_providers) {
        m_fallbackProvider->addItem(provider.enabled ? provider.name : tr("%1 (disabled)").arg(provider.name),
                                    provider.id);
    }
    m_fallbackModel->setObjectName(QStringLiteral("fallbackModel"));
    m_fallbackModel->setAccessibleName(tr("Fallback model"));
    m_fallbackModel->setEditable(true);
    m_fallbackModel->setInsertPolicy(QComboBox::NoInsert);
    m_fallbackModel->setMinimumContentsLength(20);
    if (current.fallbackProviderId) {
        m_fallbackProvider->setCurrentIndex(std::max(0, m_fallbackProvider->findData(*current.fallbackProviderId)));
    }
    handleFallbackProviderChanged();
    if (!current.fallbackModel.isEmpty()) {
        m_fallbackModel->setCurrentText(current.fallbackModel);
    }

    auto* note = new QLabel(tr("When the conversation's model fails before it writes anything (an outage, an "
                               "overload, used-up retries, an open circuit breaker), the fallback model answers "
                               "instead. Each answer shows which model wrote it."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto* form = new QFormLayout;
    form->addRow(tr("&System prompt:"), m_systemPrompt);
    form->addRow(tr("&Temperature:"), m_temperature);
    form->addRow(tr("Ma&x tokens:"), m_maxTokens);
    form->addRow(tr("&Fallback provider:"), m_fallbackProvider);
    form->addRow(tr("Fallback &model:"), m_fallbackModel);
    form->addRow(QString(), note);
    m_error->setObjectName(QStringLiteral("conversationSettingsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    form->addRow(QString(), m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_fallbackProvider, &QComboBox::currentIndexChanged, this,
            &ConversationSettingsDialog::handleFallbackProviderChanged);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void ConversationSettingsDialog::handleFallbackProviderChanged() {
    m_fallbackModel->clear();
    const QVariant id = m_fallbackProvider->currentData();
    m_fallbackModel->setEnabled(id.isValid());
    if (!id.isValid()) {
        return;
    }
    for (const Core::ProviderConfig& provider : m_providers) {
        if (provider.id == id.toLongLong() && !provider.defaultModel.isEmpty()) {
            m_fallbackModel->addItem(provider.defaultModel);
            m_fallbackModel->setCurrentText(provider.defaultModel);
        }
    }
}

void ConversationSettingsDialog::accept() {
    if (m_fallbackProvider->currentData().isValid() && m_fallbackModel->currentText().trimmed().isEmpty()) {
        m_error->setText(tr("Choose a model for the fallback provider (it has no default model)."));
        m_error->show();
        m_fallbackModel->setFocus();
        return;
    }
    QDialog::accept();
}

ConversationSettings ConversationSettingsDialog::settings() const {
    ConversationSettings result;
    result.systemPrompt = m_systemPrompt->toPlainText().trimmed();
    if (m_temperature->value() >= 0.0) {
        result.temperature = m_temperature->value();
    }
    if (m_maxTokens->value() > 0) {
        result.maxTokens = m_maxTokens->value();
    }
    const QVariant id = m_fallbackProvider->currentData();
    if (id.isValid()) {
        result.fallbackProviderId = id.toLongLong();
        for (const Core::ProviderConfig& provider : m_providers) {
            if (provider.id == *result.fallbackProviderId) {
                result.fallbackProviderName = provider.name;
            }
        }
        result.fallbackModel = m_fallbackModel->currentText().trimmed();
    }
    return result;
}

} // namespace Tessera::Ui
