#include "BenchData.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace Tessera::Bench {

namespace {

// A pronounceable vocabulary: syllables combined, plus the words people really ask about.
std::vector<QString> vocabulary(std::mt19937& random) {
    const QStringList common{QStringLiteral("the"),      QStringLiteral("and"),    QStringLiteral("to"),
                             QStringLiteral("code"),     QStringLiteral("error"),  QStringLiteral("function"),
                             QStringLiteral("database"), QStringLiteral("query"),  QStringLiteral("python"),
                             QStringLiteral("return"),   QStringLiteral("value"),  QStringLiteral("please"),
                             QStringLiteral("explain"),  QStringLiteral("memory"), QStringLiteral("thread")};
    const QStringList syllables{QStringLiteral("ka"),  QStringLiteral("lo"),  QStringLiteral("mi"),
                                QStringLiteral("ter"), QStringLiteral("an"),  QStringLiteral("sel"),
                                QStringLiteral("du"),  QStringLiteral("ro"),  QStringLiteral("vin"),
                                QStringLiteral("pe"),  QStringLiteral("sto"), QStringLiteral("qua")};
    std::vector<QString> words(common.begin(), common.end());
    std::uniform_int_distribution<int> syllable(0, int(syllables.size()) - 1);
    std::uniform_int_distribution<int> length(2, 4);
    while (words.size() < 6000) {
        QString word;
        for (int i = length(random); i > 0; --i) {
            word += syllables[syllable(random)];
        }
        words.push_back(word);
    }
    return words;
}

std::vector<double> zipfWeights(std::size_t count) {
    std::vector<double> weights(count);
    for (std::size_t i = 0; i < count; ++i) {
        weights[i] = 1.0 / double(i + 1);
    }
    return weights;
}

} // namespace

TextGenerator::TextGenerator(quint32 seed)
    : m_random(seed)
    , m_words(vocabulary(m_random)) {
    const std::vector<double> weights = zipfWeights(m_words.size());
    m_pick = std::discrete_distribution<int>(weights.begin(), weights.end());
}

QString TextGenerator::message() {
    std::uniform_int_distribution<int> length(12, 120);
    std::uniform_int_distribution<int> planted(0, 1999);
    QString text;
    const int words = length(m_random);
    text.reserve(words * 7);
    for (int i = 0; i < words; ++i) {
        if (i > 0) {
            text += (i % 15 == 0) ? QStringLiteral(". ") : QStringLiteral(" ");
        }
        text += m_words[std::size_t(m_pick(m_random))];
    }
    if (planted(m_random) == 0) {
        text += QLatin1Char(' ') + rareWord();
    }
    return text;
}

qint64 seedStore(const Core::Database& db, const SeedSize& size, quint32 seed) {
    TextGenerator text(seed);
    qint64 written = 0;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-365);
    auto status = db.transaction([&]() -> Core::Status {
        QSqlQuery conversation(db.connection());
        QSqlQuery message(db.connection());
        QSqlQuery leaf(db.connection());
        QSqlQuery tag(db.connection());
        QSqlQuery tagged(db.connection());
        if (!tag.prepare(QStringLiteral("INSERT INTO tags (name) VALUES (?)")) ||
            !tagged.prepare(QStringLiteral("INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?)"))) {
            return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("cannot prepare the tag statements"));
        }
        constexpr int tagCount = 12;
        for (int t = 0; t < tagCount; ++t) {
            tag.addBindValue(QStringLiteral("tag %1").arg(t + 1));
            if (!tag.exec()) {
                return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("cannot add a tag"));
            }
        }
        if (!conversation.prepare(QStringLiteral("INSERT INTO conversations (title, created_at, updated_at) "
                                                 "VALUES (?, ?, ?) RETURNING id")) ||
            !message.prepare(
                QStringLiteral("INSERT INTO messages (conversation_id, parent_id, role, content, state, "
                               "created_at, updated_at) VALUES (?, ?, ?, ?, 'complete', ?, ?) RETURNING id")) ||
            !leaf.prepare(QStringLiteral("UPDATE conversations SET current_leaf_id = ? WHERE id = ?"))) {
            return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("cannot prepare the seed statements"));
        }
        for (int c = 0; c < size.conversations; ++c) {
            const QString when = Core::toStoredTime(start.addSecs(qint64(c) * 600));
            conversation.addBindValue(QStringLiteral("Conversation %1").arg(c + 1));
            conversation.addBindValue(when);
            conversation.addBindValue(when);
            if (!conversation.exec() || !conversation.next()) {
                return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("cannot add a conversation"));
            }
            const qint64 id = conversation.value(0).toLongLong();
            // Every conversation carries one tag, every other one a second: lists show tags as in real use.
            std::vector<int> tagsOfThis{c % tagCount};
            if (c % 2 == 0 && (c / 2 + 5) % tagCount != c % tagCount) {
                tagsOfThis.push_back((c / 2 + 5) % tagCount);
            }
            for (int t : tagsOfThis) {
                tagged.addBindValue(id);
                tagged.addBindValue(t + 1);
                if (!tagged.exec()) {
                    return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("cannot tag a conversation"));
                }
            }
            QVariant parent(QMetaType(QMetaType::LongLong)); // the first message follows none
            for (int m = 0; m < size.messagesPerConversation; ++m) {
                message.addBindValue(id);
                message.addBindValue(parent);
                message.addBindValue(m % 2 == 0 ? QStringLiteral("user") : QStringLiteral("assistant"));
                message.addBindValue(text.message());
                message.addBindValue(when);
                message.addBindValue(when);
                if (!message.exec() || !message.next()) {
                    return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("cannot add a message"));
                }
                parent = message.value(0);
                ++written;
            }
            leaf.addBindValue(parent);
            leaf.addBindValue(id);
            if (!leaf.exec()) {
                return Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("cannot mark the branch shown"));
            }
        }
        return {};
    });
    if (const QString analyze = db.dialect().afterBulkLoadSql(); status && !analyze.isEmpty()) {
        QSqlQuery(db.connection()).exec(analyze); // as after a store copy: the planner sees the new rows
    }
    return status ? written : -1;
}

} // namespace Tessera::Bench
