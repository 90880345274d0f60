#pragma once

#include <QString>

#include <ostream>

// Lets GoogleTest print QStrings as text in failure messages.
inline void PrintTo(const QString& value, std::ostream* os) {
    *os << '"' << value.toStdString() << '"';
}
