#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace Tessera::Testing {

// A PDF's text read back with pdftotext (poppler-utils; scripts/install-deps.sh --tests installs it), its pages
// apart. Empty pages when the file is no PDF or pdftotext is missing, so a test that expects text fails.
inline QStringList pdfPages(const QString& path) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return {};
    }
    QStringList pages = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty()) {
        pages.removeLast(); // after the last page's form feed
    }
    return pages;
}

} // namespace Tessera::Testing
