#pragma once

#include "common/Result.h"

#include <QString>

namespace Tessera::Ui {

// Writes Markdown as a PDF (A4, the application's font, raw HTML shown as text), atomically: a partial file
// never replaces an existing one. Needs a QGuiApplication (the CLI starts one on the offscreen platform).
// Errors: export.failed.
Core::Status writeMarkdownPdf(const QString& path, const QString& markdown, const QString& title);

} // namespace Tessera::Ui
