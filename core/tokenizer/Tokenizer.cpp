#include "tokenizer/Tokenizer.h"

#include <QCryptographicHash>
#include <QFile>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <array>
#include <mutex>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>

namespace Tessera::Core {

namespace {

// Unicode White_Space, spelled out: the patterns' \s and \S mean exactly this set in every PCRE2 version.
#define TESSERA_WS                                                                                                     \
    "\\t\\n\\x{0B}\\f\\r\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{"     \
    "3000}"

// The encodings' split patterns (tiktoken's pat_str) with \s written out.
constexpr const char* cl100kPattern = "(?i:'s|'t|'re|'ve|'m|'ll|'d)"
                                      "|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+"
                                      "|\\p{N}{1,3}"
                                      "| ?[^" TESSERA_WS "\\p{L}\\p{N}]+[\\r\\n]*"
                                      "|[" TESSERA_WS "]*[\\r\\n]+"
                                      "|[" TESSERA_WS "]+(?![^" TESSERA_WS "])"
                                      "|[" TESSERA_WS "]+";

constexpr const char* o200kPattern = "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}"
                                     "\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
                                     "|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{"
                                     "Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
                                     "|\\p{N}{1,3}"
                                     "| ?[^" TESSERA_WS "\\p{L}\\p{N}]+[\\r\\n/]*"
                                     "|[" TESSERA_WS "]*[\\r\\n]+"
                                     "|[" TESSERA_WS "]+(?![^" TESSERA_WS "])"
                                     "|[" TESSERA_WS "]+";

#undef TESSERA_WS

QString resourcePath(Encoding encoding) {
    return QStringLiteral(":/tokenizers/%1.tiktoken").arg(encodingName(encoding));
}

// Pieces up to this size merge with the simple quadratic scan (fast for the short pieces text is made of);
// longer ones with the heap, O(n log n).
constexpr std::size_t smallPiece = 64;
constexpr quint32 noRank = 0xFFFFFFFFu;

} // namespace

QString encodingName(Encoding encoding) {
    return encoding == Encoding::O200kBase ? QStringLiteral("o200k_base") : QStringLiteral("cl100k_base");
}

std::optional<Encoding> parseEncoding(const QString& name) {
    if (name == QLatin1StringView("o200k_base")) {
        return Encoding::O200kBase;
    }
    if (name == QLatin1StringView("cl100k_base")) {
        return Encoding::Cl100kBase;
    }
    return std::nullopt;
}

// The ranks (token bytes → rank) over one buffer of all tokens' bytes, and the split pattern.
class Tokenizer::Data {
public:
    std::string bytes;                                   // every token's bytes, one after another
    std::vector<std::string_view> tokens;                // rank → bytes
    std::unordered_map<std::string_view, quint32> ranks; // bytes → rank
    std::array<quint32, 256> byteRanks{};                // the rank of each single byte
    pcre2_code* pattern = nullptr;                       // the split pattern, over UTF-8, JIT-compiled
    bool jit = false;

    ~Data() { pcre2_code_free(pattern); }

    quint32 rank(std::string_view piece) const {
        if (piece.size() == 1) {
            return byteRanks[static_cast<unsigned char>(piece.front())];
        }
        const auto found = ranks.find(piece);
        return found == ranks.end() ? noRank : found->second;
    }
};

Tokenizer::Tokenizer(Encoding encoding)
    : m_encoding(encoding)
    , m_data(std::make_unique<Data>()) {
    QFile file(resourcePath(encoding));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("the tokenizer resource %s is missing", qPrintable(resourcePath(encoding)));
    }
    const QByteArray text = file.readAll();
    // Each line: the token's bytes in base64, a space, its rank (0, 1, 2, ... in order).
    std::vector<std::pair<std::size_t, std::size_t>> spans; // offset and length in bytes
    std::vector<quint32> lineRanks;
    m_data->bytes.reserve(std::size_t(text.size()) / 2);
    qsizetype position = 0;
    while (position < text.size()) {
        qsizetype end = text.indexOf('\n', position);
        if (end < 0) {
            end = text.size();
        }
        const QByteArrayView line(text.constData() + position, end - position);
        position = end + 1;
        const qsizetype space = line.indexOf(' ');
        if (space <= 0) {
            continue;
        }
        const QByteArray decoded = QByteArray::fromBase64(line.first(space).toByteArray());
        bool ok = false;
        const quint32 rank = line.sliced(space + 1).toUInt(&ok);
        if (!ok) {
            continue;
        }
        spans.emplace_back(m_data->bytes.size(), std::size_t(decoded.size()));
        lineRanks.push_back(rank);
        m_data->bytes.append(decoded.constData(), std::size_t(decoded.size()));
    }
    quint32 highest = 0;
    for (const quint32 rank : lineRanks) {
        highest = std::max(highest, rank);
    }
    m_data->tokens.assign(std::size_t(highest) + 1, std::string_view());
    m_data->ranks.reserve(spans.size());
    m_data->byteRanks.fill(noRank);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const std::string_view token(m_data->bytes.data() + spans[i].first, spans[i].second);
        m_data->tokens[lineRanks[i]] = token;
        m_data->ranks.emplace(token, lineRanks[i]);
        if (token.size() == 1) {
            m_data->byteRanks[static_cast<unsigned char>(token.front())] = lineRanks[i];
        }
    }
    // PCRE2 directly, over UTF-8 with Unicode properties: about four times faster than QRegularExpression here,
    // and the pieces are the tokenizer's bytes as they are.
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    const char* pattern = encoding == Encoding::O200kBase ? o200kPattern : cl100kPattern;
    m_data->pattern = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern), PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                                    &errorCode, &errorOffset, nullptr);
    if (!m_data->pattern) {
        qFatal("the split pattern of %s does not compile (error %d at %zu)", qPrintable(encodingName(encoding)),
               errorCode, std::size_t(errorOffset));
    }
    m_data->jit = pcre2_jit_compile(m_data->pattern, PCRE2_JIT_COMPLETE) == 0;
}

Tokenizer::~Tokenizer() = default;

const Tokenizer& Tokenizer::get(Encoding encoding) {
    static std::once_flag once[2];
    static std::unique_ptr<Tokenizer> tokenizers[2];
    const int index = encoding == Encoding::O200kBase ? 1 : 0;
    std::call_once(once[index], [&] { tokenizers[index].reset(new Tokenizer(encoding)); });
    return *tokenizers[index];
}

qsizetype Tokenizer::vocabularySize() const {
    return qsizetype(m_data->ranks.size());
}

void Tokenizer::encodePiece(std::string_view piece, std::vector<quint32>& out) const {
    const Data& data = *m_data;
    if (const quint32 whole = data.rank(piece); whole != noRank) {
        out.push_back(whole);
        return;
    }
    const std::size_t n = piece.size();
    if (n <= smallPiece) {
        // Parts by their start; the rank of each part joined with the next. Merge the lowest (leftmost on a tie).
        std::array<std::size_t, smallPiece + 1> starts{};
        std::array<quint32, smallPiece + 1> pairRanks{};
        std::size_t parts = n;
        for (std::size_t i = 0; i < n; ++i) {
            starts[i] = i;
        }
        starts[n] = n;
        const auto pairRank = [&](std::size_t i) {
            return i + 2 <= parts ? data.rank(piece.substr(starts[i], starts[i + 2] - starts[i])) : noRank;
        };
        for (std::size_t i = 0; i + 1 < parts; ++i) {
            pairRanks[i] = pairRank(i);
        }
        while (parts > 1) {
            quint32 best = noRank;
            std::size_t at = 0;
            for (std::size_t i = 0; i + 1 < parts; ++i) {
                if (pairRanks[i] < best) {
                    best = pairRanks[i];
                    at = i;
                }
            }
            if (best == noRank) {
                break;
            }
            // Part at+1 joins part at.
            for (std::size_t i = at + 1; i < parts; ++i) {
                starts[i] = starts[i + 1];
                pairRanks[i] = pairRanks[i + 1];
            }
            --parts;
            pairRanks[at] = pairRank(at);
            if (at > 0) {
                pairRanks[at - 1] = pairRank(at - 1);
            }
        }
        for (std::size_t i = 0; i < parts; ++i) {
            out.push_back(data.rank(piece.substr(starts[i], starts[i + 1] - starts[i])));
        }
        return;
    }
    // Long pieces: the parts as a linked list (a part is named by its first byte), the candidate merges in a heap
    // ordered by rank, then start. A heap entry that no longer matches its pair is skipped.
    std::vector<std::size_t> next(n);
    std::vector<std::size_t> previous(n);
    std::vector<quint32> pairRanks(n, noRank);
    std::vector<bool> alive(n, true);
    for (std::size_t i = 0; i < n; ++i) {
        next[i] = i + 1;
        previous[i] = i == 0 ? n : i - 1; // n: none
    }
    const auto pairRank = [&](std::size_t i) {
        const std::size_t j = next[i];
        if (j >= n) {
            return noRank;
        }
        return data.rank(piece.substr(i, next[j] - i));
    };
    using Candidate = std::pair<quint32, std::size_t>;
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> heap;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        pairRanks[i] = pairRank(i);
        if (pairRanks[i] != noRank) {
            heap.emplace(pairRanks[i], i);
        }
    }
    while (!heap.empty()) {
        const auto [rank, i] = heap.top();
        heap.pop();
        if (!alive[i] || pairRanks[i] != rank || next[i] >= n) {
            continue;
        }
        const std::size_t j = next[i];
        alive[j] = false;
        next[i] = next[j];
        if (next[i] < n) {
            previous[next[i]] = i;
        }
        pairRanks[i] = pairRank(i);
        if (pairRanks[i] != noRank) {
            heap.emplace(pairRanks[i], i);
        }
        if (const std::size_t before = previous[i]; before < n) {
            pairRanks[before] = pairRank(before);
            if (pairRanks[before] != noRank) {
                heap.emplace(pairRanks[before], before);
            }
        }
    }
    for (std::size_t i = 0; i < n; i = next[i]) {
        out.push_back(data.rank(piece.substr(i, next[i] - i)));
    }
}

std::vector<quint32> Tokenizer::encode(QStringView text) const {
    std::vector<quint32> tokens;
    // Qt's UTF-8 is valid UTF-8 (an unpaired surrogate becomes U+FFFD, as in JavaScript's TextEncoder), so PCRE2
    // need not check it at each match.
    const QByteArray utf8 = text.toUtf8();
    tokens.reserve(std::size_t(utf8.size() / 4 + 1));
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(utf8.constData());
    const auto length = PCRE2_SIZE(utf8.size());
    struct MatchData {
        pcre2_match_data* data;
        pcre2_match_context* context = nullptr;
        pcre2_jit_stack* stack = nullptr;
        ~MatchData() {
            pcre2_match_data_free(data);
            pcre2_match_context_free(context);
            pcre2_jit_stack_free(stack);
        }
    } match{pcre2_match_data_create_from_pattern(m_data->pattern, nullptr)};
    PCRE2_SIZE position = 0;
    while (position < length) {
        const int found =
            m_data->jit ? pcre2_jit_match(m_data->pattern, subject, length, position, 0, match.data, match.context)
                        : pcre2_match(m_data->pattern, subject, length, position, PCRE2_NO_UTF_CHECK, match.data,
                                      match.context);
        if (found == PCRE2_ERROR_JIT_STACKLIMIT && !match.stack) {
            // A very long piece: the same match again with a larger stack.
            match.context = pcre2_match_context_create(nullptr);
            match.stack = pcre2_jit_stack_create(32 * 1024, 64 * 1024 * 1024, nullptr);
            pcre2_jit_stack_assign(match.context, nullptr, match.stack);
            continue;
        }
        if (found < 0) {
            break; // nothing is left to split (the pattern matches every character)
        }
        const PCRE2_SIZE* offsets = pcre2_get_ovector_pointer(match.data);
        if (offsets[1] <= offsets[0]) {
            ++position; // the pattern never matches an empty piece; this only guards the loop
            continue;
        }
        encodePiece(std::string_view(utf8.constData() + offsets[0], offsets[1] - offsets[0]), tokens);
        position = offsets[1];
    }
    return tokens;
}

qsizetype Tokenizer::count(QStringView text) const {
    return qsizetype(encode(text).size());
}

QByteArray Tokenizer::decode(std::span<const quint32> tokens) const {
    QByteArray bytes;
    for (const quint32 token : tokens) {
        if (token >= m_data->tokens.size() || m_data->tokens[token].empty()) {
            return {};
        }
        bytes.append(m_data->tokens[token].data(), qsizetype(m_data->tokens[token].size()));
    }
    return bytes;
}

QByteArray Tokenizer::resourceSha256(Encoding encoding) {
    QFile file(resourcePath(encoding));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QByteArray Tokenizer::publishedSha256(Encoding encoding) {
    // tiktoken_ext/openai_public.py (expected_hash of each .tiktoken file).
    return encoding == Encoding::O200kBase
               ? QByteArrayLiteral("446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d")
               : QByteArrayLiteral("223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7");
}

} // namespace Tessera::Core
