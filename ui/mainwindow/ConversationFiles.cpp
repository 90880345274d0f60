#include "mainwindow/ConversationFiles.h"
#include "pdf/PdfExport.h"

#include "app/CoreServices.h"
#include "exchange/ConversationExchange.h"
#include "exchange/ExportJobs.h"
#include "exchange/ImportJobs.h"
#include "jobs/JobsController.h"
#include "widgets/Dialogs.h"
#include "widgets/ErrorText.h"

#include <QDir>
#include <QFileInfo>

namespace Tessera::Ui {

ConversationFiles::ConversationFiles(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs)
    : m_services(services)
    , m_actor(std::move(actor))
    , m_dialogs(dialogs) {
}

std::optional<ConversationFiles::Target> ConversationFiles::askTarget(QWidget* parent, bool all,
                                                                      const QString& suggestedName) {
    const QString markdown = tr("Markdown (*.md)");
    const QString json = tr("Tessera JSON, every version and image (*.json)");
    const QString pdf = tr("PDF (*.pdf)");
    QString chosen;
    Target target;
    target.path = m_dialogs.askSaveFile(parent, all ? tr("Export All Conversations") : tr("Export Conversation"),
                                        suggestedName + QStringLiteral(".md"),
                                        markdown + QStringLiteral(";;") + json + QStringLiteral(";;") + pdf, &chosen);
    if (target.path.isEmpty()) {
        return std::nullopt;
    }
    target.format = chosen == json || target.path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
                        ? Core::ExportFormat::Json
                        : Core::ExportFormat::Markdown;
    if (target.format == Core::ExportFormat::Json && target.path.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive)) {
        target.path.chop(3);
        target.path += QStringLiteral(".json");
    }
    target.pdf = chosen == pdf || target.path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive);
    if (target.pdf && !target.path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive)) {
        target.path =
            QFileInfo(target.path).dir().filePath(QFileInfo(target.path).completeBaseName() + QStringLiteral(".pdf"));
    }
    if (target.pdf) {
        target.format = Core::ExportFormat::Markdown;
    }
    return target;
}

std::optional<QString> ConversationFiles::exportConversations(QWidget* parent, const std::vector<qint64>& ids,
                                                              const QString& suggestedName) {
    const auto target = askTarget(parent, ids.empty(), suggestedName);
    if (!target) {
        return std::nullopt;
    }
    return write(parent, *target, ids);
}

std::optional<QString> ConversationFiles::exportAll(QWidget* parent, JobsController& jobs,
                                                    const QString& suggestedName) {
    const auto target = askTarget(parent, true, suggestedName);
    if (!target) {
        return std::nullopt;
    }
    if (target->pdf) {
        return write(parent, *target, {}); // laid out here: PDF pages need the GUI
    }
    auto job = m_services.exportJobs().submit(m_actor, target->path, target->format);
    if (!job) {
        m_dialogs.showError(parent, tr("Export"), describeError(job.error()));
        return std::nullopt;
    }
    if (auto started = jobs.start(job->id); !started) {
        m_dialogs.showError(parent, tr("Export"), describeError(started.error()));
        return std::nullopt;
    }
    return tr("Exporting %n conversation(s) to %1 in the background; View ▸ Background Jobs shows how far it is.",
              nullptr, int(job->params.value(QLatin1StringView("conversations")).toInteger()))
        .arg(QDir::toNativeSeparators(target->path));
}

std::optional<QString> ConversationFiles::write(QWidget* parent, const Target& target, const std::vector<qint64>& ids) {
    Core::ConversationExchange& exchange = m_services.exchange();
    std::vector<Core::PortableConversation> conversations;
    if (ids.empty()) {
        auto all = exchange.collectAll(m_actor);
        if (!all) {
            m_dialogs.showError(parent, tr("Export"), describeError(all.error()));
            return std::nullopt;
        }
        conversations = std::move(*all);
    } else {
        for (qint64 id : ids) {
            auto one = exchange.collect(m_actor, id);
            if (!one) {
                m_dialogs.showError(parent, tr("Export"), describeError(one.error()));
                return std::nullopt;
            }
            conversations.push_back(std::move(*one));
        }
    }
    const QByteArray bytes = exchange.render(conversations, target.format);
    const QString title =
        ids.empty() || conversations.empty() ? tr("Tessera conversations") : conversations.front().title;
    if (auto written = target.pdf ? writeMarkdownPdf(target.path, QString::fromUtf8(bytes), title)
                                  : exchange.writeFile(target.path, bytes);
        !written) {
        m_dialogs.showError(parent, tr("Export"), describeError(written.error()));
        return std::nullopt;
    }
    return tr("Exported %n conversation(s) to %1.", nullptr, int(conversations.size())).arg(target.path);
}

std::optional<ConversationFiles::Imported> ConversationFiles::importConversations(QWidget* parent,
                                                                                  JobsController& jobs) {
    const QStringList files = m_dialogs.askOpenFiles(parent, tr("Import Conversations"),
                                                     tr("Tessera or ChatGPT export (*.json);;All files (*)"));
    if (files.isEmpty()) {
        return std::nullopt;
    }
    Imported imported;
    for (const QString& path : files) {
        if (QFileInfo(path).size() >= Core::ImportJobs::backgroundFromBytes) {
            auto job = m_services.importJobs().submit(m_actor, path);
            auto started = job ? jobs.start(job->id) : Core::Result<Core::JobInfo>(Core::fail(job.error()));
            if (!started) {
                m_dialogs.showError(parent, tr("Import Conversations"),
                                    tr("%1 was not imported.").arg(QFileInfo(path).fileName()) +
                                        QStringLiteral("\n\n") + describeError(started.error()));
                continue;
            }
            ++imported.background;
            continue;
        }
        auto report = m_services.exchange().importFile(m_actor, path);
        if (!report) {
            m_dialogs.showError(parent, tr("Import Conversations"),
                                tr("%1 was not imported.").arg(QFileInfo(path).fileName()) + QStringLiteral("\n\n") +
                                    describeError(report.error()));
            continue;
        }
        imported.conversations += report->conversations;
        if (!report->conversationIds.empty()) {
            imported.lastId = report->conversationIds.back();
        }
    }
    return imported;
}

} // namespace Tessera::Ui
