// Full-text search: how typed text becomes a query, how matches are highlighted, and the index kept in step with
// the messages as they are added, streamed, and deleted.
#include "search/SearchQuery.h"
#include "storage/SearchRepository.h"
#include "support/CoreFixture.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;

TEST(SearchQueryTest, WordsArePhrasesAndTheLastIsAPrefix) {
    EXPECT_EQ(ftsQuery(QStringLiteral("sqlite wal")), QStringLiteral("\"sqlite\" \"wal\"*"));
    EXPECT_EQ(ftsQuery(QStringLiteral("sqlite wal ")), QStringLiteral("\"sqlite\" \"wal\"")) << "a finished word";
    EXPECT_EQ(ftsQuery(QStringLiteral("\"write ahead\" log")), QStringLiteral("\"write ahead\" \"log\"*"));
    EXPECT_EQ(ftsQuery(QStringLiteral("log \"write ahead\"")), QStringLiteral("\"log\" \"write ahead\""));
    EXPECT_EQ(ftsQuery(QStringLiteral("  ")), QString());
    EXPECT_EQ(ftsQuery(QStringLiteral("+++ ---")), QString()) << "nothing searchable";
    EXPECT_EQ(ftsQuery(QStringLiteral("a\"b")), QStringLiteral("\"a\" \"b\""))
        << "a stray quote opens a phrase, which runs to the end";
    EXPECT_EQ(ftsQuery(QStringLiteral("NEAR(x y) OR z")), QStringLiteral("\"NEAR(x\" \"y)\" \"OR\" \"z\"*"))
        << "operators are plain words";
}

TEST(SearchQueryTest, TypedTextBecomesASafeTsQuery) {
    EXPECT_EQ(tsQuery(QStringLiteral("sqlite wal")), QStringLiteral("'sqlite' & 'wal':*"));
    EXPECT_EQ(tsQuery(QStringLiteral("sqlite wal ")), QStringLiteral("'sqlite' & 'wal'")) << "a finished word";
    EXPECT_EQ(tsQuery(QStringLiteral("\"write ahead\" log")), QStringLiteral("('write' <-> 'ahead') & 'log':*"));
    EXPECT_EQ(tsQuery(QStringLiteral("  ")), QString());
    EXPECT_EQ(tsQuery(QStringLiteral("+++ ---")), QString()) << "nothing searchable";
    EXPECT_EQ(tsQuery(QStringLiteral("it's")), QStringLiteral("('it' <-> 's':*)")) << "quotes never reach the query";
    EXPECT_EQ(tsQuery(QStringLiteral("a & !b | c:*")), QStringLiteral("'a' & 'b' & 'c':*"))
        << "operators are plain words";
    EXPECT_EQ(tsQuery(QStringLiteral("Café")), QStringLiteral("'Café':*"));
}

TEST(SearchQueryTest, HighlightMarkersBecomeRanges) {
    const HighlightedText parsed =
        parseHighlights(QStringLiteral("…use \x02WAL\x03 mode with \x02wal\x03_autocheckpoint…"), QChar(2), QChar(3));
    EXPECT_EQ(parsed.text, QStringLiteral("…use WAL mode with wal_autocheckpoint…"));
    ASSERT_EQ(parsed.highlights.size(), 2U);
    EXPECT_EQ(parsed.text.mid(parsed.highlights[0].first, parsed.highlights[0].second), QStringLiteral("WAL"));
    EXPECT_EQ(parsed.text.mid(parsed.highlights[1].first, parsed.highlights[1].second), QStringLiteral("wal"));
    EXPECT_TRUE(parseHighlights(QStringLiteral("\x03odd\x02"), QChar(2), QChar(3)).highlights.empty());
}

namespace {

class SearchTest : public ::testing::Test {
protected:
    qint64 conversation(const QString& title) { return core.conversations->create(title, std::nullopt, {}, {})->id; }

    qint64 message(qint64 conversationId, const QString& text, Role role = Role::User) {
        Message m;
        m.conversationId = conversationId;
        m.role = role;
        m.content = text;
        return core.messages->add(m)->id;
    }

    std::vector<SearchHit> find(const QString& text, SearchOptions options = {}) {
        auto hits = search.search(text, options);
        EXPECT_TRUE(hits) << (hits ? "" : hits.error().toLogString().toStdString());
        return hits.value_or(std::vector<SearchHit>{});
    }

    CoreFixture core;
    SearchRepository search{*core.db};
};

} // namespace

TEST_F(SearchTest, FindsWordsRegardlessOfCaseAndAccentsNewestFirstWithSnippets) {
    const qint64 db = conversation(QStringLiteral("Databases"));
    const qint64 cafe = conversation(QStringLiteral("Café"));
    const qint64 first = message(db, QStringLiteral("How does SQLite's WAL mode work?"));
    const qint64 second =
        message(db, QStringLiteral("In WAL mode, writers append to a separate log."), Role::Assistant);
    message(cafe, QStringLiteral("Wo ist das nächste Café?"));

    const auto hits = find(QStringLiteral("wal"));
    ASSERT_EQ(hits.size(), 2U);
    EXPECT_EQ(hits[0].messageId, second) << "newest first";
    EXPECT_EQ(hits[1].messageId, first);
    EXPECT_EQ(hits[0].conversationId, db);
    EXPECT_EQ(hits[0].conversationTitle, QStringLiteral("Databases"));
    EXPECT_EQ(hits[0].role, Role::Assistant);
    EXPECT_TRUE(hits[0].createdAt.isValid());
    ASSERT_EQ(hits[0].snippet.highlights.size(), 1U);
    const auto [start, length] = hits[0].snippet.highlights[0];
    EXPECT_EQ(hits[0].snippet.text.mid(start, length), QStringLiteral("WAL"));

    EXPECT_EQ(find(QStringLiteral("CAFE")).size(), 1U) << "accents and case do not matter";
    EXPECT_EQ(find(QStringLiteral("nachste")).size(), 1U);
    EXPECT_EQ(find(QStringLiteral("writ")).size(), 1U) << "the word being typed matches as a prefix";
    EXPECT_EQ(find(QStringLiteral("\"separate log\"")).size(), 1U);
    EXPECT_TRUE(find(QStringLiteral("\"log separate\"")).empty()) << "a phrase keeps its order";
    EXPECT_EQ(find(QStringLiteral("wal writers")).size(), 1U) << "every word is required";
    EXPECT_TRUE(find(QStringLiteral("postgres")).empty());
}

TEST_F(SearchTest, PagesContinueWhereTheLastEnded) {
    const qint64 id = conversation(QStringLiteral("many"));
    for (int i = 0; i < 25; ++i) {
        message(id, QStringLiteral("needle number %1").arg(i));
    }
    SearchOptions options;
    options.limit = 10;
    std::vector<qint64> seen;
    for (int page = 0; page < 3; ++page) {
        const auto hits = find(QStringLiteral("needle"), options);
        for (const SearchHit& hit : hits) {
            seen.push_back(hit.messageId);
        }
        if (hits.empty()) {
            break;
        }
        options.olderThanMessage = hits.back().messageId;
    }
    ASSERT_EQ(seen.size(), 25U);
    EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend())) << "newest first across pages, no repeats";
}

TEST_F(SearchTest, TheIndexFollowsStreamedTextAndDeletions) {
    const qint64 id = conversation(QStringLiteral("stream"));
    Message answer;
    answer.conversationId = id;
    answer.role = Role::Assistant;
    answer.state = MessageState::Streaming;
    answer = *core.messages->add(answer);
    ASSERT_TRUE(core.messages->updateContent(answer.id, QStringLiteral("partial kangaroo")));
    EXPECT_EQ(find(QStringLiteral("kangaroo")).size(), 1U);
    answer.content = QStringLiteral("final wombat");
    answer.state = MessageState::Complete;
    ASSERT_TRUE(core.messages->finish(answer));
    EXPECT_TRUE(find(QStringLiteral("kangaroo")).empty()) << "replaced text is no longer found";
    EXPECT_EQ(find(QStringLiteral("wombat")).size(), 1U);
    ASSERT_TRUE(core.conversations->remove(id));
    EXPECT_TRUE(find(QStringLiteral("wombat")).empty()) << "deleted conversations are not found";
}

TEST_F(SearchTest, HostileInputIsNeverAnError) {
    message(conversation(QStringLiteral("x")), QStringLiteral("plain text"));
    for (const char* input : {"\"", "\"\"", "*", "NOT", "a OR", "(", ")", "NEAR(", "col:term", "^start", "-x",
                              "'; DROP TABLE messages; --", "\\", "\u0002\u0003", "text*", "\"unterminated phrase"}) {
        auto hits = search.search(QString::fromUtf8(input));
        EXPECT_TRUE(hits) << input << ": " << (hits ? "" : hits.error().toLogString().toStdString());
    }
    EXPECT_EQ(find(QStringLiteral("plain")).size(), 1U) << "the store is intact";
}

TEST_F(SearchTest, ConversationsInTheTrashAreNotFound) {
    const qint64 id = conversation(QStringLiteral("to delete"));
    message(id, QStringLiteral("unique marmot"));
    ASSERT_TRUE(core.conversations->moveToTrash(id));
    EXPECT_TRUE(find(QStringLiteral("marmot")).empty());
    ASSERT_TRUE(core.conversations->restoreFromTrash(id));
    EXPECT_EQ(find(QStringLiteral("marmot")).size(), 1U);
}
