#pragma once

#include <QString>

#include <initializer_list>
#include <optional>

namespace Tessera::Core {

// The value among all whose name (as nameOf gives it) equals text; for parsing stored or typed enum names.
template <typename Enum, typename NameOf>
std::optional<Enum> enumFromName(const QString& text, std::initializer_list<Enum> all, NameOf nameOf,
                                 Qt::CaseSensitivity cs = Qt::CaseSensitive) {
    for (Enum value : all) {
        if (text.compare(nameOf(value), cs) == 0) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace Tessera::Core
