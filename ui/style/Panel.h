#pragma once

#include <QWidget>

namespace Tessera::Ui::Style {

// A rounded area filled with a token colour, painted directly (no style sheet, so hundreds of them cost
// nothing to create): question bubbles, code cards, the composer card.
class Panel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Panel)

public:
    enum class Fill { QuestionBubble, CodeSurface, Surface, Raised };

    Panel(Fill fill, int radius, bool outlined, QWidget* parent = nullptr);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Fill m_fill;
    int m_radius;
    bool m_outlined;
};

} // namespace Tessera::Ui::Style
