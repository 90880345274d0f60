#pragma once

#include <QEventLoop>

#include <functional>
#include <optional>

namespace Tessera::Core {

// Runs a local event loop until the asynchronous operation started by start() calls back, and returns what it
// reported. For composition roots and administration commands that must have an answer before going on (the CLI,
// reading a store's password before the store opens); never on a path the UI waits for.
template <typename T> T waitFor(const std::function<void(std::function<void(T)>)>& start) {
    std::optional<T> result;
    QEventLoop loop;
    start([&](T value) {
        result = std::move(value);
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    return std::move(*result);
}

} // namespace Tessera::Core
