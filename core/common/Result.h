#pragma once

#include "common/Error.h"

#include <tl/expected.hpp>

namespace Tessera::Core {

template <typename T> using Result = tl::expected<T, Error>;
using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> fail(Error error) {
    return tl::unexpected<Error>(std::move(error));
}

inline tl::unexpected<Error> fail(ErrorCode code, QString detail = {}, QString correlationId = {}) {
    return tl::unexpected<Error>(makeError(code, std::move(detail), std::move(correlationId)));
}

} // namespace Tessera::Core
