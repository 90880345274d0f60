// The Prompts view's shorter prompts: the tokens the system and user parts waste (runs of spaces, extra blank lines,
// an instruction said twice, an oversized example), and Compact, which shows what it saves before it changes the
// text. Core finds the waste (PromptCompactor).
#include "prompts/PromptsWindow.h"

#include "prompts/PromptCompactor.h"
#include "widgets/Dialogs.h"

#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>

namespace Tessera::Ui {

namespace {

QString hintsText(const Core::WasteReport& report, const QString& part) {
    int whitespace = 0;
    QStringList said;
    for (const Core::WasteHint& hint : report.hints) {
        switch (hint.kind) {
        case Core::WasteHint::Kind::Whitespace:
            ++whitespace;
            break;
        case Core::WasteHint::Kind::Repeated:
            said << PromptsWindow::tr("line %1 says “%2” again").arg(hint.line).arg(hint.text);
            break;
        case Core::WasteHint::Kind::LongExample:
            said << PromptsWindow::tr("the example on line %1 takes %2 tokens: a shorter one may do")
                        .arg(hint.line)
                        .arg(QLocale().toString(hint.tokens));
            break;
        }
    }
    if (whitespace > 0) {
        said.prepend(PromptsWindow::tr("%n line(s) with extra spaces or blank lines", nullptr, whitespace));
    }
    return said.isEmpty() ? QString() : part + QStringLiteral(": ") + said.join(QStringLiteral("; "));
}

} // namespace

void PromptsWindow::showWaste() {
    const Core::WasteReport system = Core::findWaste(m_system->toPlainText());
    const Core::WasteReport user = Core::findWaste(m_user->toPlainText());
    QStringList lines;
    for (const QString& line : {hintsText(system, tr("System part")), hintsText(user, tr("User part"))}) {
        if (!line.isEmpty()) {
            lines << line;
        }
    }
    const qint64 saved = system.saved() + user.saved();
    if (saved > 0) {
        lines << tr("Compacting saves %n token(s).", nullptr, int(saved));
    }
    m_waste->setText(lines.join(QLatin1Char('\n')));
    m_waste->setVisible(!lines.isEmpty());
    m_compact->setVisible(saved > 0);
    m_compact->setEnabled(saved > 0 && !m_system->isReadOnly());
}

QString PromptsWindow::wasteText() const {
    return m_waste->isVisible() ? m_waste->text() : QString();
}

bool PromptsWindow::compactParts() {
    const Core::WasteReport system = Core::findWaste(m_system->toPlainText());
    const Core::WasteReport user = Core::findWaste(m_user->toPlainText());
    const qint64 before = system.tokensBefore + user.tokensBefore;
    const qint64 after = system.tokensAfter + user.tokensAfter;
    if (after >= before || m_system->isReadOnly()) {
        return false;
    }
    const QLocale locale;
    if (!m_dialogs.confirm(this, tr("Compact the Template"),
                           tr("Taking out the extra spaces, blank lines and repeated instructions makes the template "
                              "%1 tokens instead of %2 (%3 fewer). Variables, code and indentation stay as they are. "
                              "The editor gets the compact text; Save keeps it as a new version.")
                               .arg(locale.toString(after), locale.toString(before), locale.toString(before - after)),
                           tr("Compact"))) {
        return false;
    }
    // Replaced as an edit, so Ctrl+Z brings the text back.
    for (const auto& [edit, compact] : {std::pair{m_system, system.compact}, std::pair{m_user, user.compact}}) {
        if (compact != edit->toPlainText()) {
            QTextCursor cursor(edit->document());
            cursor.select(QTextCursor::Document);
            cursor.insertText(compact);
        }
    }
    showWaste();
    return true;
}

} // namespace Tessera::Ui
