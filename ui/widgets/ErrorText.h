#pragma once

#include "common/Error.h"

#include <QString>

namespace Tessera::Ui {

// The translated, user-facing description of an error: what happened and what to do, the provider's own
// words when it sent some, the code and the correlation id (to find the log lines).
QString describeError(const Core::Error& error);

// The same in plain words only: what happened, what to do, the provider's words and when to retry; without the
// code and the correlation id (the error banner keeps those behind Details).
QString describeErrorPlainly(const Core::Error& error);

// What a greyed item says when an administrator switched its feature off ("Switched off by your administrator").
QString switchedOffText();

} // namespace Tessera::Ui
