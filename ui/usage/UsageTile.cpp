#include "usage/UsageTile.h"

#include "style/Theme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Tessera::Ui {

UsageTile::UsageTile(const QString& name, QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("usageTile"));
    setAttribute(Qt::WA_StyledBackground);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(Style::Space::two, Style::Space::one, Style::Space::two, Style::Space::one);
    layout->setSpacing(Style::Space::half);
    m_name = new QLabel(name, this);
    m_value = new QLabel(this);
    m_change = new QLabel(this);
    m_change->setWordWrap(true);
    m_name->setWordWrap(true);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * Style::Type::title);
    big.setWeight(QFont::DemiBold);
    m_value->setFont(big);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setForegroundRole(QPalette::PlaceholderText);
    m_change->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_name);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    setFocusPolicy(Qt::TabFocus); // the keyboard reaches each tile; a screen reader reads its name and value
}

void UsageTile::setValue(const QString& value, const QString& change, const QString& tooltip) {
    m_value->setText(value);
    m_change->setText(change);
    m_tooltip = tooltip;
    setToolTip(tooltip);
    setAccessibleName(m_name->text() + QStringLiteral(": ") + value);
    setAccessibleDescription(change + QStringLiteral(". ") + tooltip);
}

void UsageTile::setComparison(const QString& against) {
    if (m_change->text().isEmpty()) {
        return;
    }
    m_change->setToolTip(m_change->text() + QLatin1Char(' ') + against);
    setAccessibleDescription(m_change->text() + QLatin1Char(' ') + against + QStringLiteral(". ") + m_tooltip);
}

QString UsageTile::valueText() const {
    return m_value->text();
}

QString UsageTile::changeText() const {
    return m_change->text();
}

} // namespace Tessera::Ui
