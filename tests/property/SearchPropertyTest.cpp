// Whatever a user types into search, it becomes a valid FTS5 query: the store answers it without an error.
#include "search/SearchQuery.h"
#include "storage/SearchRepository.h"
#include "support/CoreFixture.h"

// clang-format off
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h> // needs GoogleTest declared first
// clang-format on

using namespace Tessera::Core;

namespace {

// Text made of the characters FTS5 treats specially, words, spaces and a few non-ASCII letters.
rc::Gen<QString> typedText() {
    return rc::gen::map(rc::gen::container<std::vector<int>>(
                            rc::gen::element<int>('"', '*', '^', ':', '(', ')', '-', '+', '{', '}', ',', '\'', ' ', ' ',
                                                  'a', 'b', 'N', 'E', 'A', 'R', 'O', 'T', 0xe9, 0x4e2d, 0x2, '\\')),
                        [](const std::vector<int>& codes) {
                            QString text;
                            for (int code : codes) {
                                text += QChar(code);
                            }
                            return text;
                        });
}

} // namespace

RC_GTEST_PROP(SearchProperty, AnyTypedTextIsAValidQuery, ()) {
    static Tessera::Testing::CoreFixture core;
    static const bool seeded = [] {
        auto conversation = core.conversations->create(QStringLiteral("t"), std::nullopt, {}, {});
        Message message;
        message.conversationId = conversation->id;
        message.content = QStringLiteral("NEAR the café, a OR b and \"quoted\" words");
        return core.messages->add(message).has_value();
    }();
    RC_ASSERT(seeded);
    const QString text = *typedText();
    const QString query = ftsQuery(text);
    RC_ASSERT(query.count(QLatin1Char('"')) % 2 == 0);
    const SearchRepository search(*core.db);
    const auto hits = search.search(text);
    RC_ASSERT(hits.has_value());
}
