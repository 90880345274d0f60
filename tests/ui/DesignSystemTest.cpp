// The design system's promises: every text colour on every background it is drawn on reads at WCAG AA in both
// themes, every icon of the set is bundled and draws in the theme's colours, and Qt's stock pixmaps are replaced.
#include "settings/UiSettings.h"
#include "style/Icons.h"
#include "style/Theme.h"
#include "style/Tokens.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPixmap>
#include <QStyle>

#include <gtest/gtest.h>

using namespace Tessera::Ui;

namespace {

// The most frequent opaque colour of an icon's pixels (its stroke).
QColor strokeOf(const QPixmap& pixmap) {
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) == 255) {
                ++counts[pixel];
            }
        }
    }
    QRgb best = 0;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    }
    return QColor::fromRgba(best);
}

} // namespace

TEST(DesignSystem, EveryTextAndBackgroundPairReadsAtWcagAaInBothThemes) {
    for (const Style::Variant variant : {Style::Variant::Light, Style::Variant::Dark}) {
        const QList<Style::ContrastPair> pairs = Style::contrastPairs(variant);
        ASSERT_GE(pairs.size(), 30);
        for (const Style::ContrastPair& pair : pairs) {
            const double ratio = Style::contrastRatio(pair.foreground, pair.background);
            EXPECT_GE(ratio, pair.minimum) << (variant == Style::Variant::Dark ? "dark: " : "light: ")
                                           << pair.name.toStdString() << " is " << ratio << ":1";
        }
    }
}

TEST(DesignSystem, TheContrastRatioMatchesTheWcagDefinition) {
    EXPECT_NEAR(Style::contrastRatio(Qt::black, Qt::white), 21.0, 1e-9);
    EXPECT_NEAR(Style::contrastRatio(Qt::white, Qt::white), 1.0, 1e-9);
    EXPECT_NEAR(Style::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white), 4.54, 0.01); // the classic AA grey
}

TEST(DesignSystem, ThePaletteComesFromTheTokens) {
    for (const Style::Variant variant : {Style::Variant::Light, Style::Variant::Dark}) {
        const QPalette palette = Style::paletteFor(variant);
        const Style::Colours& c = Style::colours(variant);
        EXPECT_EQ(palette.color(QPalette::Window), c.window);
        EXPECT_EQ(palette.color(QPalette::Base), c.surface);
        EXPECT_EQ(palette.color(QPalette::Text), c.text);
        EXPECT_EQ(palette.color(QPalette::PlaceholderText), c.mutedText);
        EXPECT_EQ(palette.color(QPalette::Highlight), c.accent);
        EXPECT_EQ(palette.color(QPalette::HighlightedText), c.onAccent);
        EXPECT_EQ(palette.color(QPalette::Link), c.accentText);
    }
}

TEST(DesignSystem, EveryIconIsBundledAndDrawsInTheThemesColours) {
    for (const Style::Icon icon : Style::allIcons()) {
        EXPECT_TRUE(QFile::exists(Style::iconPath(icon))) << Style::iconPath(icon).toStdString();
    }
    for (const Theme theme : {Theme::Light, Theme::Dark}) {
        applyTheme(*qApp, theme);
        const Style::Colours& c = Style::tokens();
        const QPixmap text = Style::icon(Style::Icon::Square).pixmap(QSize(48, 48));
        EXPECT_EQ(strokeOf(text).rgb(), c.text.rgb());
        const QPixmap danger = Style::icon(Style::Icon::Square, Style::Tone::Danger).pixmap(QSize(48, 48));
        EXPECT_EQ(strokeOf(danger).rgb(), c.danger.rgb());
        // Sharp on high-DPI screens: drawn at the scale asked, not scaled up.
        const QPixmap doubled = Style::icon(Style::Icon::Copy).pixmap(QSize(16, 16), 2.0);
        EXPECT_EQ(doubled.size(), QSize(32, 32));
        EXPECT_DOUBLE_EQ(doubled.devicePixelRatio(), 2.0);
    }
    applyTheme(*qApp, Theme::Light);
}

TEST(DesignSystem, StockPixmapsAreReplacedAndDialogButtonsCarryNoIcons) {
    QStyle* style = QApplication::style();
    EXPECT_EQ(style->styleHint(QStyle::SH_DialogButtonBox_ButtonsHaveIcons), 0) << "no floppy disk on Save";
    for (const QStyle::StandardPixmap pixmap :
         {QStyle::SP_MessageBoxWarning, QStyle::SP_MessageBoxCritical, QStyle::SP_MessageBoxInformation,
          QStyle::SP_DialogCloseButton, QStyle::SP_BrowserReload, QStyle::SP_FileIcon}) {
        EXPECT_EQ(style->standardIcon(pixmap).name().isEmpty(), false) << "pixmap " << int(pixmap);
        EXPECT_TRUE(QFile::exists(QStringLiteral(":/icons/lucide/%1.svg").arg(style->standardIcon(pixmap).name())))
            << "pixmap " << int(pixmap) << " is " << style->standardIcon(pixmap).name().toStdString();
    }
}
