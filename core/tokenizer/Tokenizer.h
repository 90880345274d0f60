#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace Tessera::Core {

// OpenAI's byte-pair encodings. o200k_base serves GPT-4o, GPT-4.1, GPT-5 and the o-series; cl100k_base GPT-4 and
// GPT-3.5.
enum class Encoding { Cl100kBase, O200kBase };

QString encodingName(Encoding encoding); // "cl100k_base", "o200k_base"
std::optional<Encoding> parseEncoding(const QString& name);

// An exact tokenizer of one encoding, as tiktoken's encode_ordinary: the text is split by the encoding's pattern,
// each piece's UTF-8 bytes are merged pair by pair, lowest rank first (leftmost on a tie), and special-token text
// such as "<|endoftext|>" is plain text. The ranks ship as resources (resources/tokenizers, checked against
// OpenAI's published SHA-256); nothing is fetched. Merging a piece is O(n log n), so a megabyte of one character
// is counted in milliseconds. Thread-safe: the instances are shared and immutable.
class Tokenizer final {
public:
    // The tokenizer of an encoding, loaded from the resources at the first use (once per process).
    static const Tokenizer& get(Encoding encoding);
    ~Tokenizer();
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    Encoding encoding() const { return m_encoding; }
    std::vector<quint32> encode(QStringView text) const;
    qsizetype count(QStringView text) const;
    // The bytes of the tokens (UTF-8 text when they make whole characters); empty for an unknown token.
    QByteArray decode(std::span<const quint32> tokens) const;
    // How many ranks the encoding has (its vocabulary without special tokens).
    qsizetype vocabularySize() const;

    // The SHA-256 (hex) of the rank file the encoding was loaded from, and the one OpenAI publishes for it.
    static QByteArray resourceSha256(Encoding encoding);
    static QByteArray publishedSha256(Encoding encoding);

private:
    class Data;
    explicit Tokenizer(Encoding encoding);
    // Appends the tokens of one piece's UTF-8 bytes.
    void encodePiece(std::string_view piece, std::vector<quint32>& out) const;

    Encoding m_encoding;
    std::unique_ptr<Data> m_data;
};

} // namespace Tessera::Core
