#pragma once

#include "common/Error.h"
#include "usage/BudgetGuard.h"

#include <QString>

#include <optional>

namespace Tessera::Ui {

// Micro-dollars as people read them, in the locale's number format: "$3.20", "$0.0345", "$0.00123" (small amounts
// keep three significant digits; nothing is ever rounded to $0.00 unless it is zero).
QString moneyText(qint64 micros);
// The same, "≈" in front when it is an estimate, or "cost unknown" when there is no price.
QString costText(const std::optional<qint64>& micros, bool estimated);
// A price per million tokens exactly, with two to six decimals as it needs: "$2.50", "$0.075", "$0.3125".
QString rateText(qint64 micros);
// A budget or limit that refused a request, in words: which one, what is used and reserved of what, when it resets.
QString quotaText(const Core::QuotaDetail& quota);
// A soft limit reached: "Your monthly budget is 82 % used ($8.20 of $10.00)."
QString budgetWarningText(const Core::QuotaDetail& warning);
// Which budget, in words: "Your monthly budget", "The daily budget of the role Member", "The weekly budget for
// everyone".
QString budgetName(const QString& scope, const QString& period, const QString& subject);
// Where one stands: "$3.20 of $10.00 this month", "120,000 of 1,000,000 tokens today".
QString standingText(const Core::BudgetStanding& standing);

} // namespace Tessera::Ui
