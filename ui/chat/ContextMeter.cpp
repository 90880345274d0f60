#include "chat/ContextMeter.h"

#include "style/Theme.h"
#include "widgets/Money.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QThreadPool>

namespace Tessera::Ui {

ContextMeter::ContextMeter(QLabel* label, QProgressBar* gauge, std::function<std::optional<Core::ContextInput>()> input,
                           QObject* parent)
    : QObject(parent)
    , m_label(label)
    , m_gauge(gauge)
    , m_input(std::move(input)) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &ContextMeter::start);
    m_label->hide();
    m_gauge->hide();
}

void ContextMeter::schedule() {
    m_debounce.start();
}

std::optional<Core::ContextEstimate> ContextMeter::estimateNow() const {
    const auto input = m_input();
    if (!input) {
        return std::nullopt;
    }
    return Core::estimateContext(*input);
}

void ContextMeter::start() {
    auto input = m_input();
    const quint64 generation = ++m_generation;
    if (!input) {
        m_last.reset();
        m_label->hide();
        m_gauge->hide();
        Q_EMIT updated();
        return;
    }
    QPointer<ContextMeter> self(this);
    QThreadPool::globalInstance()->start([self, generation, input = std::move(*input)] {
        const Core::ContextEstimate estimate = Core::estimateContext(input);
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, estimate] {
                if (self && self->m_generation == generation) {
                    self->show(estimate);
                }
            },
            Qt::QueuedConnection);
    });
}

void ContextMeter::show(const Core::ContextEstimate& estimate) {
    m_last = estimate;
    const QString tokens = QLocale().toString(estimate.inputTokens);
    QString text = estimate.exact ? tr("%1 tokens").arg(tokens) : tr("≈%1 tokens").arg(tokens);
    QStringList tip{estimate.exact ? tr("%1 tokens will be sent, counted with the model's tokenizer.").arg(tokens)
                                   : tr("About %1 tokens will be sent (an estimate: this model's tokenizer is not "
                                        "public).")
                                         .arg(tokens)};
    if (estimate.costMicros) {
        text += QStringLiteral(" · ≈") + moneyText(*estimate.costMicros);
        tip << tr("Sending it costs about %1 before the answer.").arg(moneyText(*estimate.costMicros));
    } else {
        tip << tr("This model has no price, so the cost is unknown.");
    }
    const bool known = estimate.contextWindow > 0;
    if (known) {
        const double share = double(estimate.inputTokens) / double(estimate.contextWindow);
        const QString used = tr("%1 % of the model's %2-token window")
                                 .arg(QLocale().toString(std::min(999.0, share * 100), 'f', 0),
                                      QLocale().toString(estimate.contextWindow));
        tip << used;
        m_gauge->setRange(0, 1000);
        m_gauge->setValue(int(std::min(1.0, share) * 1000));
        QPalette palette = m_gauge->palette();
        const QColor colour = estimate.leaveOut != 0 ? Style::tokens().danger
                              : share > 0.8          ? Style::tokens().warning
                                                     : QApplication::palette().color(QPalette::Highlight);
        palette.setColor(QPalette::Highlight, colour);
        m_gauge->setPalette(palette);
        m_gauge->setAccessibleName(tr("Context window used"));
        m_gauge->setAccessibleDescription(used);
        m_gauge->setToolTip(used);
        if (estimate.leaveOut > 0) {
            tip << tr("It does not fit the model's window: when you send it, you are asked whether to leave out the "
                      "oldest %n message(s).",
                      nullptr, estimate.leaveOut);
        } else if (estimate.leaveOut < 0) {
            tip << tr("Your message alone does not fit the model's window: shorten it or pick a model with a larger "
                      "window.");
        }
    }
    m_label->setText(text);
    m_label->setToolTip(tip.join(QLatin1Char('\n')));
    m_label->setAccessibleName(text);
    m_label->show();
    m_gauge->setVisible(known);
    Q_EMIT updated();
}

} // namespace Tessera::Ui
