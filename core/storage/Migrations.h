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

} // namespace Tessera::Core
