#include "prompts/VersionCompareDialog.h"

#include "prompts/TextDiff.h"
#include "style/Theme.h"
#include "style/Tokens.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace Tessera::Ui {

namespace {

QString settingsText(const Core::PromptSettings& s) {
    QStringList parts;
    if (!s.provider.isEmpty()) {
        parts << VersionCompareDialog::tr("provider %1").arg(s.provider);
    }
    if (!s.model.isEmpty()) {
        parts << VersionCompareDialog::tr("model %1").arg(s.model);
    }
    if (s.temperature) {
        parts << VersionCompareDialog::tr("temperature %1").arg(QLocale().toString(*s.temperature));
    }
    if (s.maxTokens) {
        parts << VersionCompareDialog::tr("at most %1 tokens").arg(QLocale().toString(*s.maxTokens));
    }
    return parts.join(QStringLiteral(", "));
}

QString cell(const QString& text, const QColor& background, const QString& mark) {
    const QString escaped = text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    const QString shown = escaped.isEmpty() ? QStringLiteral("&nbsp;") : escaped;
    if (!background.isValid()) {
        return QStringLiteral("<tr><td width=\"16\"></td><td>%1</td></tr>").arg(shown);
    }
    return QStringLiteral("<tr style=\"background-color:%1\"><td width=\"16\"><b>%2</b></td><td>%3</td></tr>")
        .arg(background.name(QColor::HexArgb), mark, shown);
}

} // namespace

VersionCompareDialog::VersionCompareDialog(const QString& name, std::vector<Core::PromptVersion> versions, int left,
                                           int right, QWidget* parent)
    : QDialog(parent)
    , m_versions(std::move(versions))
    , m_leftBox(new QComboBox(this))
    , m_rightBox(new QComboBox(this))
    , m_left(new QTextBrowser(this))
    , m_right(new QTextBrowser(this))
    , m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("versionCompareDialog"));
    setWindowTitle(tr("Compare Versions of %1").arg(name));
    std::sort(m_versions.begin(), m_versions.end(),
              [](const Core::PromptVersion& a, const Core::PromptVersion& b) { return a.number < b.number; });
    for (QComboBox* box : {m_leftBox, m_rightBox}) {
        for (const Core::PromptVersion& v : m_versions) {
            box->addItem(v.message.isEmpty() ? tr("Version %1").arg(v.number)
                                             : tr("Version %1 · %2").arg(v.number).arg(v.message),
                         v.number);
        }
        connect(box, &QComboBox::currentIndexChanged, this, &VersionCompareDialog::update);
    }
    m_leftBox->setAccessibleName(tr("The older version"));
    m_rightBox->setAccessibleName(tr("The newer version"));
    for (QTextBrowser* side : {m_left, m_right}) {
        side->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        side->setLineWrapMode(QTextEdit::NoWrap);
        side->setOpenLinks(false);
    }
    m_left->setObjectName(QStringLiteral("compareLeft"));
    m_right->setObjectName(QStringLiteral("compareRight"));
    m_left->setAccessibleName(tr("The older version, removed lines marked"));
    m_right->setAccessibleName(tr("The newer version, added lines marked"));
    // The two sides scroll together.
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, m_right->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, m_left->verticalScrollBar(),
            &QScrollBar::setValue);
    m_summary->setObjectName(QStringLiteral("compareSummary"));

    auto* boxes = new QHBoxLayout;
    boxes->addWidget(m_leftBox, 1);
    boxes->addWidget(m_rightBox, 1);
    auto* sides = new QHBoxLayout;
    sides->addWidget(m_left, 1);
    sides->addWidget(m_right, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(boxes);
    layout->addLayout(sides, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(1000, 560);
    compare(left, right);
}

void VersionCompareDialog::compare(int left, int right) {
    m_leftBox->setCurrentIndex(std::max(0, m_leftBox->findData(left)));
    m_rightBox->setCurrentIndex(std::max(0, m_rightBox->findData(right)));
    update();
}

void VersionCompareDialog::update() {
    const auto find = [this](QComboBox* box) -> const Core::PromptVersion* {
        const int number = box->currentData().toInt();
        for (const Core::PromptVersion& v : m_versions) {
            if (v.number == number) {
                return &v;
            }
        }
        return nullptr;
    };
    const Core::PromptVersion* older = find(m_leftBox);
    const Core::PromptVersion* newer = find(m_rightBox);
    if (!older || !newer) {
        return;
    }
    const Style::Colours& tokens = Style::tokens();
    QColor removed = tokens.danger;
    removed.setAlphaF(0.22);
    QColor added = tokens.success;
    added.setAlphaF(0.22);
    QString left = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">");
    QString right = left;
    int removedCount = 0;
    int addedCount = 0;
    const auto part = [&](const QString& title, const QString& before, const QString& after) {
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        const QString heading = QStringLiteral("<tr><td></td><td><i>%1</i></td></tr>").arg(title.toHtmlEscaped());
        left += heading;
        right += heading;
        // Same lines sit side by side; a run of changes shows its removals on the left and its additions on the
        // right, the shorter side padded so what follows lines up again.
        const std::vector<Core::DiffLine> lines = Core::diffLines(before, after);
        std::size_t i = 0;
        while (i < lines.size()) {
            if (lines[i].kind == Core::DiffLine::Kind::Same) {
                left += cell(lines[i].text, QColor(), QString());
                right += cell(lines[i].text, QColor(), QString());
                ++i;
                continue;
            }
            QStringList gone;
            QStringList come;
            while (i < lines.size() && lines[i].kind != Core::DiffLine::Kind::Same) {
                (lines[i].kind == Core::DiffLine::Kind::Removed ? gone : come) << lines[i].text;
                ++i;
            }
            removedCount += int(gone.size());
            addedCount += int(come.size());
            const qsizetype rows = std::max(gone.size(), come.size());
            for (qsizetype r = 0; r < rows; ++r) {
                left += r < gone.size() ? cell(gone[r], removed, QStringLiteral("−")) : cell(QString(), QColor(), {});
                right += r < come.size() ? cell(come[r], added, QStringLiteral("+")) : cell(QString(), QColor(), {});
            }
        }
    };
    part(tr("System part"), older->systemText, newer->systemText);
    part(tr("User part"), older->userText, newer->userText);
    const QString olderSettings = settingsText(older->settings);
    const QString newerSettings = settingsText(newer->settings);
    if (olderSettings != newerSettings) {
        part(tr("Suggested settings"), olderSettings, newerSettings);
    }
    left += QStringLiteral("</table>");
    right += QStringLiteral("</table>");
    m_left->setHtml(left);
    m_right->setHtml(right);
    m_summary->setText(removedCount == 0 && addedCount == 0
                           ? tr("The two versions are the same.")
                           : tr("Lines removed: %1, added: %2.").arg(removedCount).arg(addedCount));
}

QString VersionCompareDialog::leftText() const {
    return m_left->toPlainText();
}

QString VersionCompareDialog::rightText() const {
    return m_right->toPlainText();
}

QString VersionCompareDialog::summary() const {
    return m_summary->text();
}

} // namespace Tessera::Ui
