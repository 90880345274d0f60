#pragma once

#include "style/Tokens.h"

#include <QPalette>
#include <QString>

class QApplication;
class QStyle;
class QWidget;

namespace Tessera::Ui::Style {

// The theme in use: Fusion under Tessera's proxy style (rounded buttons and fields, a visible focus ring, the icon
// set in place of Qt's standard pixmaps, no icons on dialog buttons) with a palette built from the tokens.
// Widgets read colours from their palette; the few roles without a palette slot come from tokens().

// Applies a variant to the whole application. Widgets are told through QEvent::PaletteChange / StyleChange.
void apply(QApplication& app, Variant variant);
// The variant the platform prefers (its palette's window is dark or light).
Variant systemVariant();
// The variant applied last (Light before any).
Variant current();
// The current variant's colours.
const Colours& tokens();
// Goes up by one each time a theme is applied. A widget that styles itself from the tokens remembers the
// generation it used and restyles on QEvent::PaletteChange only when it changed (a style sheet set while
// restyling sends PaletteChange again).
int generation();

// The palette the tokens make for a variant.
QPalette paletteFor(Variant variant);
// A new instance of the proxy style (the app takes ownership).
QStyle* createStyle();

// A colour as a style sheet value: rgba(r, g, b, a).
QString css(const QColor& colour);

} // namespace Tessera::Ui::Style
