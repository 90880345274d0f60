// A fuzz target for the template syntax (libFuzzer's entry point). Built with clang and -DTESSERA_LIBFUZZER=ON it
// is a libFuzzer binary; otherwise StandaloneFuzzMain.cpp runs it over its seeds and seeded mutations of them as a
// ctest. Any input must parse or give an error inside the text, and a parsed template must render with any values.
#include "prompts/TemplateSyntax.h"

#include <QHash>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace Tessera::Core;
    const QString source = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    auto text = parseTemplateText(source);
    if (!text) {
        if (text.error().line < 1 || text.error().column < 1 ||
            text.error().line > int(source.count(QLatin1Char('\n'))) + 1) {
            std::abort(); // an error that points outside the text
        }
        return 0;
    }
    // Render with no values, with the source itself as every value, and with yes for every variable.
    QHash<QString, QString> itself;
    QHash<QString, QString> yes;
    for (const TemplateVariable& variable : text->variables) {
        itself.insert(variable.name, source);
        yes.insert(variable.name, QStringLiteral("yes"));
    }
    for (const QHash<QString, QString>& values : {QHash<QString, QString>{}, itself, yes}) {
        auto out = renderTemplateText(*text, values);
        if (!out && out.error().empty()) {
            std::abort(); // refused without saying why
        }
    }
    return 0;
}
