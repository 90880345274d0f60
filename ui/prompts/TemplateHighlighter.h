#pragma once

#include <QSyntaxHighlighter>

namespace Tessera::Ui {

// Colours a template's tags as it is typed: variables in the accent colour, sections bold, comments muted, escapes
// quiet; and underlines the place of a syntax error in the danger colour.
class TemplateHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit TemplateHighlighter(QTextDocument* document);
    // Where the error is (1-based line and column), or none (line 0).
    void setError(int line, int column);

protected:
    void highlightBlock(const QString& text) override;

private:
    int m_errorLine = 0;
    int m_errorColumn = 0;
};

} // namespace Tessera::Ui
