// Budget windows follow the calendar in the usage time zone: days, ISO weeks and months, across month ends, leap
// days, time zones ahead of and behind UTC, and daylight-saving changes (including one at midnight).
#include "usage/BudgetGuard.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {

QDateTime utc(const char* text) {
    return QDateTime::fromString(QLatin1StringView(text), Qt::ISODate).toUTC();
}

} // namespace

TEST(BudgetWindow, DaysWeeksAndMonthsInUtc) {
    const QTimeZone zone = QTimeZone::utc();
    const QDateTime now = utc("2026-12-02T15:00:00Z"); // a Wednesday
    const BudgetWindow day = budgetWindow(BudgetPeriod::Day, now, zone);
    EXPECT_EQ(day.firstDay, QDate(2026, 12, 2));
    EXPECT_EQ(day.lastDay, QDate(2026, 12, 2));
    EXPECT_EQ(day.resetsAt, utc("2026-12-03T00:00:00Z"));
    const BudgetWindow week = budgetWindow(BudgetPeriod::Week, now, zone);
    EXPECT_EQ(week.firstDay, QDate(2026, 11, 30)) << "ISO weeks start on Monday";
    EXPECT_EQ(week.lastDay, QDate(2026, 12, 6));
    EXPECT_EQ(week.resetsAt, utc("2026-12-07T00:00:00Z"));
    const BudgetWindow month = budgetWindow(BudgetPeriod::Month, now, zone);
    EXPECT_EQ(month.firstDay, QDate(2026, 12, 1));
    EXPECT_EQ(month.lastDay, QDate(2026, 12, 31));
    EXPECT_EQ(month.resetsAt, utc("2027-01-01T00:00:00Z")) << "across the year's end";
    const BudgetWindow total = budgetWindow(BudgetPeriod::Total, now, zone);
    EXPECT_FALSE(total.firstDay);
    EXPECT_FALSE(total.resetsAt);
}

TEST(BudgetWindow, MonthEndsAndLeapDays) {
    const QTimeZone zone = QTimeZone::utc();
    EXPECT_EQ(budgetWindow(BudgetPeriod::Month, utc("2028-02-29T23:59:59Z"), zone).lastDay, QDate(2028, 2, 29));
    EXPECT_EQ(budgetWindow(BudgetPeriod::Month, utc("2027-02-10T00:00:00Z"), zone).lastDay, QDate(2027, 2, 28));
    EXPECT_EQ(budgetWindow(BudgetPeriod::Month, utc("2027-01-31T23:59:59.999Z"), zone).resetsAt,
              utc("2027-02-01T00:00:00Z"));
    EXPECT_EQ(budgetWindow(BudgetPeriod::Month, utc("2027-02-01T00:00:00Z"), zone).firstDay, QDate(2027, 2, 1))
        << "the first moment of a month belongs to it";
}

TEST(BudgetWindow, TheTimeZoneDecidesWhichDayItIs) {
    const QDateTime now = utc("2026-11-30T23:30:00Z");
    const QTimeZone berlin("Europe/Berlin");
    ASSERT_TRUE(berlin.isValid());
    const BudgetWindow month = budgetWindow(BudgetPeriod::Month, now, berlin);
    EXPECT_EQ(month.firstDay, QDate(2026, 12, 1)) << "00:30 on 1 December in Berlin";
    EXPECT_EQ(month.resetsAt, utc("2026-12-31T23:00:00Z")) << "midnight in Berlin, in UTC";
    const QTimeZone newYork("America/New_York");
    const BudgetWindow day = budgetWindow(BudgetPeriod::Day, utc("2026-12-01T03:00:00Z"), newYork);
    EXPECT_EQ(day.firstDay, QDate(2026, 11, 30)) << "still the evening before in New York";
    EXPECT_EQ(day.resetsAt, utc("2026-12-01T05:00:00Z"));
}

TEST(BudgetWindow, DaylightSavingChangesMoveTheResetNotTheDay) {
    const QTimeZone berlin("Europe/Berlin");
    // Clocks go forward on 29 March 2026: that day has 23 hours and ends at 22:00 UTC.
    const BudgetWindow spring = budgetWindow(BudgetPeriod::Day, utc("2026-03-29T12:00:00Z"), berlin);
    EXPECT_EQ(spring.firstDay, QDate(2026, 3, 29));
    EXPECT_EQ(spring.resetsAt, utc("2026-03-29T22:00:00Z"));
    // Clocks go back on 25 October 2026: that day has 25 hours and ends at 23:00 UTC.
    const BudgetWindow autumn = budgetWindow(BudgetPeriod::Day, utc("2026-10-25T12:00:00Z"), berlin);
    EXPECT_EQ(autumn.resetsAt, utc("2026-10-25T23:00:00Z"));
    // Santiago de Chile moves its clocks at midnight: on 6 September 2026 00:00 does not exist; the day starts at
    // 01:00.
    const QTimeZone santiago("America/Santiago");
    ASSERT_TRUE(santiago.isValid());
    const BudgetWindow gap = budgetWindow(BudgetPeriod::Day, utc("2026-09-05T15:00:00Z"), santiago);
    EXPECT_EQ(gap.firstDay, QDate(2026, 9, 5));
    ASSERT_TRUE(gap.resetsAt && gap.resetsAt->isValid());
    EXPECT_EQ(gap.resetsAt, utc("2026-09-06T04:00:00Z")) << "01:00 -03 is the first moment of 6 September";
}
