#pragma once

#include "common/Error.h"

#include <tl/expected.hpp>

namespace Tessera::Core {

// A value or an Error. [[nodiscard]]: a caller that drops a Result ignores a failure, and the compiler says so.
template <typename T> class [[nodiscard]] Result : public tl::expected<T, Error> {
public:
    using Base = tl::expected<T, Error>;
    using Base::Base;
    Result(const Base& other)
        : Base(other) {}
    Result(Base&& other)
        : Base(std::move(other)) {}
};

using Status = Result<void>;

inline tl::unexpected<Error> fail(Error error) {
    return tl::unexpected<Error>(std::move(error));
}

inline tl::unexpected<Error> fail(ErrorCode code, QString detail = {}, QString correlationId = {}) {
    return tl::unexpected<Error>(makeError(code, std::move(detail), std::move(correlationId)));
}

} // namespace Tessera::Core
