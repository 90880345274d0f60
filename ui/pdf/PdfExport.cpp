#include "pdf/PdfExport.h"

#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace Tessera::Ui {

Core::Status writeMarkdownPdf(const QString& path, const QString& markdown, const QString& title) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Core::fail(Core::ErrorCode::ExportFailed,
                          QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Tessera"));
        QTextDocument document;
        document.setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                       QTextDocument::MarkdownNoHTML));
        document.print(&writer);
    }
    if (!file.commit()) {
        return Core::fail(Core::ErrorCode::ExportFailed,
                          QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

} // namespace Tessera::Ui
