#include "mainwindow/ConversationFiles.h"
#include "pdf/PdfExport.h"

#include "app/CoreServices.h"
#include "exchange/ConversationExchange.h"
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

std::optional<QString> ConversationFiles::exportConversations(QWidget* parent, const std::vector<qint64>& ids,
                                                              const QString& suggestedName) {
    const QString markdown = tr("Markdown (*.md)");
    const QString json = tr("Tessera JSON, every version and image (*.json)");
    const QString pdf = tr("PDF (*.pdf)");
    QString chosen;
    QString path =
        m_dialogs.askSaveFile(parent, ids.empty() ? tr("Export All Conversations") : tr("Export Conversation"),
                              suggestedName + QStringLiteral(".md"),
                              markdown + QStringLiteral(";;") + json + QStringLiteral(";;") + pdf, &chosen);
    if (path.isEmpty()) {
        return std::nullopt;
    }
    const Core::ExportFormat format = chosen == json || path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
                                          ? Core::ExportFormat::Json
                                          : Core::ExportFormat::Markdown;
    if (format == Core::ExportFormat::Json && path.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive)) {
        path.chop(3);
        path += QStringLiteral(".json");
    }
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
    const bool asPdf = chosen == pdf || path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive);
    if (asPdf && !path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive)) {
        path = QFileInfo(path).dir().filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".pdf"));
    }
    const QByteArray bytes = exchange.render(conversations, asPdf ? Core::ExportFormat::Markdown : format);
    const QString title = ids.empty() ? tr("Tessera conversations") : conversations.front().title;
    if (auto written =
            asPdf ? writeMarkdownPdf(path, QString::fromUtf8(bytes), title) : exchange.writeFile(path, bytes);
        !written) {
        m_dialogs.showError(parent, tr("Export"), describeError(written.error()));
        return std::nullopt;
    }
    return tr("Exported %n conversation(s) to %1.", nullptr, int(conversations.size())).arg(path);
}

std::optional<ConversationFiles::Imported> ConversationFiles::importConversations(QWidget* parent) {
    const QStringList files = m_dialogs.askOpenFiles(parent, tr("Import Conversations"),
                                                     tr("Tessera or ChatGPT export (*.json);;All files (*)"));
    if (files.isEmpty()) {
        return std::nullopt;
    }
    Imported imported;
    for (const QString& path : files) {
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
