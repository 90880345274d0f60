#pragma once

#include <QString>

#include <random>

namespace Tessera::Core {
class Database;
}

namespace Tessera::Bench {

// Realistic-looking message text for the benchmarks: words drawn from a fixed vocabulary with a Zipf-like
// frequency (a few very common words, a long tail of rare ones), and now and then one of the planted words below,
// so searches for common, rare and absent words all have known answers. Deterministic for a given seed.
class TextGenerator {
public:
    explicit TextGenerator(quint32 seed);
    QString message();
    // Words planted in about one message in 2,000.
    static QString rareWord() { return QStringLiteral("platypus"); }

private:
    std::mt19937 m_random;
    std::vector<QString> m_words;
    std::discrete_distribution<int> m_pick;
};

struct SeedSize {
    int conversations = 2000;
    int messagesPerConversation = 100;
};

// Fills an empty store with conversations (tagged with one or two of 12 tags) of alternating user and assistant
// messages, each following the one
// before (one branch), in one transaction and with prepared statements (the FTS index is kept by the store's own
// triggers, as in real use). Returns the number of messages written, or -1 on failure.
qint64 seedStore(const Core::Database& db, const SeedSize& size, quint32 seed = 42);

} // namespace Tessera::Bench
