// The Prompts view's Files menu: import templates (Tessera JSON or Markdown files, all or nothing) and export the
// library (Tessera JSON with every version, or a folder of Markdown files). Core checks, stores and audits.
#include "prompts/PromptsWindow.h"

#include "app/CoreServices.h"
#include "prompts/PromptExchange.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorBanner.h"
#include "widgets/ErrorText.h"

#include <QDir>
#include <QFileInfo>

namespace Tessera::Ui {

bool PromptsWindow::importFiles() {
    const QStringList paths = m_dialogs.askOpenFiles(
        this, tr("Import Templates"), tr("Prompt templates (*.json *.md);;Tessera JSON (*.json);;Markdown (*.md)"));
    if (paths.isEmpty()) {
        return false;
    }
    // Every file is read and checked first; then all of them are imported together, or none.
    std::vector<Core::PromptExport> all;
    for (const QString& path : paths) {
        auto read = Core::PromptExchange::read(path);
        if (!read) {
            m_dialogs.showError(this, tr("Import Templates"),
                                tr("Nothing was imported. %1 cannot be read:\n%2")
                                    .arg(QFileInfo(path).fileName(), read.error().detail));
            return false;
        }
        std::move(read->begin(), read->end(), std::back_inserter(all));
    }
    auto report = m_services.promptExchange().import(m_actor, all);
    if (!report) {
        m_dialogs.showError(this, tr("Import Templates"),
                            tr("Nothing was imported.\n%1")
                                .arg(report.error().code == Core::ErrorCode::ImportInvalid
                                         ? report.error().detail
                                         : describeError(report.error())));
        return false;
    }
    reload();
    if (!report->names.isEmpty()) {
        select(report->names.first());
    }
    m_error->showMessage(
        tr("Imported %n template(s): %1 new, %2 with a new version, %3 unchanged.", nullptr, int(report->names.size()))
            .arg(report->created)
            .arg(report->updated)
            .arg(report->unchanged));
    return true;
}

bool PromptsWindow::exportJson() {
    QString filter;
    const QString path = m_dialogs.askSaveFile(this, tr("Export the Prompt Library"), QStringLiteral("prompts.json"),
                                               tr("Tessera JSON (*.json)"), &filter);
    if (path.isEmpty()) {
        return false;
    }
    auto report = m_services.promptExchange().exportTo(m_actor, {}, path, Core::PromptFileFormat::Json);
    if (!report) {
        m_error->showError(report.error());
        return false;
    }
    m_error->showMessage(tr("Exported %n template(s) with %1 versions to %2.", nullptr, report->templates)
                             .arg(report->versions)
                             .arg(QDir::toNativeSeparators(report->path)));
    return true;
}

bool PromptsWindow::exportMarkdown() {
    const QString folder = m_dialogs.askFolder(this, tr("Export the Prompt Library as Markdown Files"));
    if (folder.isEmpty()) {
        return false;
    }
    auto report = m_services.promptExchange().exportTo(m_actor, {}, folder, Core::PromptFileFormat::Markdown);
    if (!report) {
        m_error->showError(report.error());
        return false;
    }
    m_error->showMessage(
        tr("Wrote %n Markdown file(s) to %1.", nullptr, report->templates).arg(QDir::toNativeSeparators(report->path)));
    return true;
}

} // namespace Tessera::Ui
