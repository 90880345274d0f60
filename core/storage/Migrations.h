#pragma once

#include <QStringList>

#include <vector>

namespace Tessera::Core {

struct Migration {
    int version;
    QStringList statements;
};

// Every schema change of a SQLite store, in order. Never edit a released migration; append a new one.
const std::vector<Migration>& sqliteMigrations();

// The same logical schema on PostgreSQL. PostgreSQL stores start at schema 9 (the first schema that ran on it);
// every later change is appended to both lists with the same version number.
const std::vector<Migration>& postgresMigrations();

// The tables of schema 18 with the engine's integer type: the daily latency bins (usage_latency) and everyone's daily
// totals by provider, model and feature (usage_global).
QStringList usageRollupTables(const QString& integer);
// The daily latency bins (usage_latency: per person and, as account -1, everyone's) and everyone's daily totals
// (usage_global), filled from the ledger and the daily totals: schema 18 runs them, and so does a rebuild of the
// rollups after the tables are emptied.
QStringList usageRollupFillStatements();
// The latency bins' columns, first-token bins then total-time bins: "f0, ..., f63, t0, ..., t63".
QString usageLatencyColumns();

// The tables of schema 20 (the prompt library) and 21 (feedback on answers) with the engine's self-numbering key,
// integer and real types.
QStringList promptLibraryTables(const QString& identity, const QString& integer, const QString& real);
QStringList feedbackTables(const QString& integer);
// Schema 22: which template version (and values) produced a user message.
QStringList templateUseColumns(const QString& integer);
// Schema 23: datasets and their items (ExperimentTables.cpp).
QStringList datasetTables(const QString& identity, const QString& integer);
// Schema 24: background jobs and their items (ExperimentTables.cpp).
QStringList jobTables(const QString& identity, const QString& integer);
// Schema 25: experiments (ExperimentTables.cpp).
QStringList experimentTables(const QString& identity, const QString& integer);
// Schema 26: people's votes between answers (ExperimentTables.cpp).
QStringList voteTables(const QString& identity, const QString& integer);

} // namespace Tessera::Core
