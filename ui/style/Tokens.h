#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace Tessera::Ui::Style {

// The design system's tokens: every colour, space, radius and type size a screen uses comes from here (see
// docs/design.md). Widgets read colours through the palette the theme sets up (Theme.h) or, for the few roles a
// palette has no slot for (success, warning, danger, their surfaces), through colours().

enum class Variant { Light, Dark };

struct Colours {
    QColor window;         // the window's background: sidebar, dialogs
    QColor surface;        // content: the conversation, text fields, lists
    QColor raised;         // cards, question bubbles, menus, tooltips, hover
    QColor border;         // hairlines between areas, card and field edges
    QColor text;           // body text
    QColor mutedText;      // secondary text: facts, placeholders, captions
    QColor accent;         // fills: selection, the default button, the send button
    QColor onAccent;       // text and icons on an accent fill
    QColor accentText;     // accent-coloured text and links on surfaces
    QColor success;        // text and icons saying something went well
    QColor warning;        // text and icons that ask for attention
    QColor danger;         // text and icons of errors and destructive actions
    QColor focus;          // the keyboard focus ring
    QColor questionBubble; // the tint behind the user's questions
    QColor codeSurface;    // code blocks and inline code
    QColor dangerSurface;  // the error banner
    QColor warningSurface; // warnings and notices
    // Code highlighting, on codeSurface.
    QColor codeKeyword, codeString, codeComment, codeNumber, codeSpecial;
};

// The colours of a variant. Both come from one definition, so every pair below exists in both.
const Colours& colours(Variant variant);

// A text colour on a background, as the contrast test checks them: every pair a screen draws text with.
struct ContrastPair {
    QString name;
    QColor foreground;
    QColor background;
    double minimum; // 4.5 for text (WCAG AA), 3.0 for non-text (focus ring, icons-only states)
};
QList<ContrastPair> contrastPairs(Variant variant);

// WCAG 2 contrast ratio of two opaque colours (1 to 21).
double contrastRatio(const QColor& a, const QColor& b);

// Spacing on an 8-px grid (with a half step for tight groups).
namespace Space {
inline constexpr int half = 4;   // between an icon and its label, inside pills
inline constexpr int one = 8;    // between related controls
inline constexpr int two = 16;   // between groups, inside cards and dialogs
inline constexpr int three = 24; // between sections
inline constexpr int four = 32;  // around page content
} // namespace Space

namespace Radius {
inline constexpr int small = 4;  // inline code, pills' inner parts, focus rings
inline constexpr int medium = 8; // buttons, fields, code blocks, images
inline constexpr int large = 12; // cards, bubbles, the composer
inline constexpr int pill = 999; // tag pills and chips (clamped to half the height)
} // namespace Radius

// The type scale, relative to the system font (the user's size in Settings scales all of it).
namespace Type {
inline constexpr double caption = 0.85;  // facts, timestamps, group headers
inline constexpr double body = 1.0;      // everything else
inline constexpr double subtitle = 1.15; // card titles, section headers in dialogs
inline constexpr double title = 1.45;    // page titles (the welcome page)
inline constexpr double display = 1.9;   // the one big line of an empty state
} // namespace Type

// The conversation's readable column: at most this wide, centred.
inline constexpr int readableWidth = 760;
// Row height of the conversation list.
inline constexpr int listRowHeight = 34;
// Icon sizes: in buttons and menus, and the larger ones of empty states and cards.
inline constexpr int iconSize = 16;
inline constexpr int largeIconSize = 24;

} // namespace Tessera::Ui::Style
