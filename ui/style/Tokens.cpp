#include "style/Tokens.h"

#include <algorithm>
#include <cmath>

namespace Tessera::Ui::Style {

namespace {

QColor hex(const char* value) {
    return QColor(QString::fromLatin1(value));
}

Colours light() {
    Colours c;
    c.window = hex("#F5F5F7");
    c.surface = hex("#FFFFFF");
    c.raised = hex("#EEEFF3");
    c.border = hex("#D9DAE0");
    c.text = hex("#1A1B20");
    c.mutedText = hex("#5B5D68");
    c.accent = hex("#3451C6");
    c.onAccent = hex("#FFFFFF");
    c.accentText = hex("#2D47B3");
    c.success = hex("#1B7A36");
    c.warning = hex("#8A5300");
    c.danger = hex("#B42318");
    c.focus = hex("#3451C6");
    c.questionBubble = hex("#E9EDFB");
    c.codeSurface = hex("#F1F2F5");
    c.dangerSurface = hex("#FCEBEA");
    c.warningSurface = hex("#FDF3E1");
    c.codeKeyword = hex("#7A1FA2");
    c.codeString = hex("#2B6E2F");
    c.codeComment = hex("#5F6570");
    c.codeNumber = hex("#9A4600");
    c.codeSpecial = hex("#1F5CB8");
    return c;
}

Colours dark() {
    Colours c;
    c.window = hex("#17181B");
    c.surface = hex("#1F2024");
    c.raised = hex("#2A2B30");
    c.border = hex("#3A3C43");
    c.text = hex("#E7E8EC");
    c.mutedText = hex("#A3A5AF");
    c.accent = hex("#4A66D8");
    c.onAccent = hex("#FFFFFF");
    c.accentText = hex("#9DB0FF");
    c.success = hex("#6FCF8A");
    c.warning = hex("#F2B955");
    c.danger = hex("#FF8F87");
    c.focus = hex("#8DA2FF");
    c.questionBubble = hex("#2B3250");
    c.codeSurface = hex("#2A2B31");
    c.dangerSurface = hex("#3F2023");
    c.warningSurface = hex("#3A2E17");
    c.codeKeyword = hex("#D3A6F5");
    c.codeString = hex("#A9DC8A");
    c.codeComment = hex("#9AA3AE");
    c.codeNumber = hex("#F5A37F");
    c.codeSpecial = hex("#8FB4FF");
    return c;
}

double channel(double value) {
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& colour) {
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
}

} // namespace

const Colours& colours(Variant variant) {
    static const Colours lightColours = light();
    static const Colours darkColours = dark();
    return variant == Variant::Dark ? darkColours : lightColours;
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QList<ContrastPair> contrastPairs(Variant variant) {
    const Colours& c = colours(variant);
    constexpr double text = 4.5;
    constexpr double nonText = 3.0;
    QList<ContrastPair> pairs;
    const auto add = [&pairs](const QString& name, const QColor& foreground, const QColor& background, double minimum) {
        pairs.append({name, foreground, background, minimum});
    };
    const auto on = [](const char* foreground, const char* background) -> QString {
        return QLatin1StringView(foreground) + QLatin1StringView(" on ") + QLatin1StringView(background);
    };
    const QList<QPair<const char*, QColor>> backgrounds = {{"window", c.window},
                                                           {"surface", c.surface},
                                                           {"raised", c.raised},
                                                           {"questionBubble", c.questionBubble},
                                                           {"codeSurface", c.codeSurface}};
    for (const auto& [name, background] : backgrounds) {
        add(on("text", name), c.text, background, text);
        add(on("mutedText", name), c.mutedText, background, text);
        add(on("accentText", name), c.accentText, background, text);
    }
    for (const auto& [name, background] : backgrounds.mid(0, 3)) {
        add(on("success", name), c.success, background, text);
        add(on("warning", name), c.warning, background, text);
        add(on("danger", name), c.danger, background, text);
        add(on("focus", name), c.focus, background, nonText);
    }
    add(on("onAccent", "accent"), c.onAccent, c.accent, text);
    add(on("text", "dangerSurface"), c.text, c.dangerSurface, text);
    add(on("danger", "dangerSurface"), c.danger, c.dangerSurface, text);
    add(on("mutedText", "dangerSurface"), c.mutedText, c.dangerSurface, text);
    add(on("text", "warningSurface"), c.text, c.warningSurface, text);
    add(on("warning", "warningSurface"), c.warning, c.warningSurface, text);
    add(on("codeKeyword", "codeSurface"), c.codeKeyword, c.codeSurface, text);
    add(on("codeString", "codeSurface"), c.codeString, c.codeSurface, text);
    add(on("codeComment", "codeSurface"), c.codeComment, c.codeSurface, text);
    add(on("codeNumber", "codeSurface"), c.codeNumber, c.codeSurface, text);
    add(on("codeSpecial", "codeSurface"), c.codeSpecial, c.codeSurface, text);
    return pairs;
}

} // namespace Tessera::Ui::Style
