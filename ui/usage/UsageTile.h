#pragma once

#include <QString>
#include <QWidget>

class QLabel;

namespace Tessera::Ui {

// One summary tile: a name, the period's value and its change against the period before.
class UsageTile final : public QWidget {
    Q_OBJECT

public:
    UsageTile(const QString& name, QWidget* parent = nullptr);
    void setValue(const QString& value, const QString& change, const QString& tooltip);
    // What the change is against ("against the 30 days before"), for its tooltip and screen readers.
    void setComparison(const QString& against);
    QString valueText() const;
    QString changeText() const;

private:
    QLabel* m_name;
    QLabel* m_value;
    QLabel* m_change;
    QString m_tooltip;
};

} // namespace Tessera::Ui
