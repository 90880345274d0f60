// Tessera's tokenizer against the npm package tiktoken (the reference scripts/test.sh installs into the build
// folder): a generated corpus of hard cases, encoded by both, must give the same
// tokens, text by text. Without the reference the test fails.
#include "tokenizer/Tokenizer.h"

#include "support/QtPrinters.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {

// Texts that stress the split patterns and the merges, each kind several times, plus random mixtures of them.
QStringList hardCases() {
    QStringList cases = {
        // Scripts and languages.
        QStringLiteral("The quick brown fox jumps over the lazy dog."),
        QStringLiteral("Grüße aus Köln: Äpfel, Öl und Übermut — “typografisch” ‘korrekt’…"),
        QStringLiteral("Ça va? Où est l'hôtel? C'EST L'ÉTÉ!"),
        QStringLiteral("Съешь же ещё этих мягких французских булок, да выпей чаю."),
        QStringLiteral("Ξεσκεπάζω την ψυχοφθόρα βδελυγμία."),
        QStringLiteral("שלום עולם, זה מבחן של טקסט מימין לשמאל."),
        QStringLiteral("مرحبا بالعالم، هذا اختبار للنص العربي ١٢٣٤٥٦٧."),
        QStringLiteral("नमस्ते दुनिया, यह हिंदी पाठ का परीक्षण है।"),
        QStringLiteral("你好，世界。我们正在测试中文分词。"),
        QStringLiteral("こんにちは世界。カタカナとひらがなと漢字のテストです。"),
        QStringLiteral("안녕하세요 세계. 한국어 텍스트 시험입니다."),
        QStringLiteral("สวัสดีชาวโลก นี่คือการทดสอบภาษาไทย"),
        QStringLiteral("Tiếng Việt có dấu: Nguyễn Thị Minh Khai."),
        QStringLiteral("e\u0301 a\u0308 n\u0303 combining marks and precomposed é ä ñ"),
        // Emoji sequences.
        QStringLiteral(
            "👨‍👩‍👧‍👦 family, 🇩🇪🇫🇷🇯🇵 flags, 👍🏽👋🏿 tones, 1️⃣#️⃣ "
            "keycaps, "
            "🏳️‍🌈 "
            "❤️‍🔥 "
            "🧑‍💻"),
        QStringLiteral("😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍🤩😘"),
        // Code and whitespace runs.
        QStringLiteral(
            "int main(int argc, char** argv) {\n\tstd::vector<int> v{1, 2, 3};\n\treturn v.size() > 2 ? 0 : 1;\n}\n"),
        QStringLiteral("def f(x):\n    if x:\n        return [i ** 2 for i in range(x)]  # squares\n    return None\n"),
        QStringLiteral("SELECT id, name FROM users WHERE id IN (1,2,3) AND name LIKE '%a_b%';"),
        QStringLiteral("{\"key\": [1, 2.5e-10, true, null], \"nested\": {\"a\": \"b\"}}"),
        QStringLiteral("line one\r\nline two\r\n\r\n\tindented\n    four spaces\n\n\n\nend   "),
        QStringLiteral("   leading and trailing   \n \n\t\t\n"),
        QStringLiteral("a  b   c    d     e\t\tf\n\ng"),
        QStringLiteral(" \u00A0\u3000\u2009\u0085\u180E\u200B\u2028\u2029\u202F\u205F x \u00A0y"),
        // Numbers and contractions.
        QStringLiteral("1234567890 3.14159 1,000,000 2025-12-01 12:34:56 0x1F 1e10 ١٢٣ ٤٥٦"),
        QStringLiteral("I'm you're we'll they'd it's she's HE'S I'M WE'LL it'ſ don't Don'T"),
        // Special-token text, as plain text.
        QStringLiteral("<|endoftext|><|fim_prefix|><|fim_middle|><|fim_suffix|><|endofprompt|> <|im_start|>"),
        // URLs, paths, punctuation.
        QStringLiteral("https://example.com/path/to/page?query=1&b=2#frag ~/dir/file.txt C:\\Windows\\"),
        QStringLiteral("!!!???...,,,;;;:::---___***///\\\\\\|||@@@###$$$%%%^^^&&&"),
    };
    // Long runs of one character (kept below what tiktoken's quadratic merge takes seconds for).
    cases << QString(5000, QLatin1Char('a')) << QString(3000, QLatin1Char(' ')) << QString(2000, QLatin1Char('\n'))
          << QString(999, QLatin1Char('7')) << QString(1500, QChar(0x00E9)) << QStringLiteral("💡").repeated(800)
          << QStringLiteral("ab").repeated(2000) << QString(4000, QLatin1Char('=')) + QStringLiteral("x");
    // Base64 of random bytes.
    QRandomGenerator random(20261201);
    for (int i = 0; i < 5; ++i) {
        QByteArray bytes(300 + i * 500, Qt::Uninitialized);
        for (char& byte : bytes) {
            byte = char(random.bounded(256));
        }
        cases << QString::fromLatin1(bytes.toBase64());
    }
    // Random mixtures of pieces of the above.
    const QStringList pool = cases;
    for (int i = 0; i < 300; ++i) {
        QString mixed;
        const int parts = 1 + int(random.bounded(6));
        for (int p = 0; p < parts; ++p) {
            const QString& source = pool.at(int(random.bounded(qsizetype(pool.size()))));
            const qsizetype start = random.bounded(source.size());
            qsizetype length = 1 + random.bounded(qMin<qsizetype>(200, source.size() - start));
            // Never cut a surrogate pair (the reference would see a lone surrogate).
            qsizetype begin = start;
            if (source.at(begin).isLowSurrogate()) {
                ++begin;
                --length;
            }
            if (length <= 0) {
                continue;
            }
            qsizetype end = qMin(begin + length, source.size());
            if (end < source.size() && source.at(end).isLowSurrogate()) {
                ++end;
            }
            mixed += source.mid(begin, end - begin);
        }
        cases << mixed;
    }
    return cases;
}

} // namespace

TEST(TokenizerReferenceTest, EveryTextGivesTheSameTokensAsNpmTiktoken) {
    // Where scripts/test.sh installs it: this build's folder, unless TESSERA_TIKTOKEN_DIR names another.
    const QString reference =
        qEnvironmentVariable("TESSERA_TIKTOKEN_DIR", QStringLiteral(TESSERA_TIKTOKEN_DEFAULT_DIR));
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (reference.isEmpty() || node.isEmpty() ||
        !QFile::exists(reference + QStringLiteral("/node_modules/tiktoken/package.json"))) {
        FAIL() << "the reference (node and the npm package tiktoken in TESSERA_TIKTOKEN_DIR) is missing; "
                  "scripts/test.sh installs it";
    }
    const QStringList corpus = hardCases();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString corpusPath = dir.filePath(QStringLiteral("corpus.json"));
    QFile file(corpusPath);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonArray::fromStringList(corpus)).toJson(QJsonDocument::Compact));
    file.close();

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NODE_PATH"), reference + QStringLiteral("/node_modules"));
    process.setProcessEnvironment(environment);
    process.start(node, {QStringLiteral(TESSERA_SOURCE_DIR "/tests/tokenizer/reference.cjs"), corpusPath});
    ASSERT_TRUE(process.waitForFinished(240'000)) << "the reference took too long";
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const QJsonObject expected = QJsonDocument::fromJson(process.readAllStandardOutput()).object();

    for (const Encoding encoding : {Encoding::Cl100kBase, Encoding::O200kBase}) {
        const QJsonArray all = expected.value(encodingName(encoding)).toArray();
        ASSERT_EQ(all.size(), corpus.size()) << encodingName(encoding).toStdString();
        const Tokenizer& tokenizer = Tokenizer::get(encoding);
        int mismatches = 0;
        for (qsizetype i = 0; i < corpus.size(); ++i) {
            std::vector<quint32> want;
            for (const QJsonValue id : all.at(i).toArray()) {
                want.push_back(quint32(id.toInteger()));
            }
            const std::vector<quint32> got = tokenizer.encode(corpus.at(i));
            if (got != want && ++mismatches <= 5) {
                ADD_FAILURE() << encodingName(encoding).toStdString() << " text " << i << " ("
                              << corpus.at(i).left(60).toStdString() << "…): " << got.size() << " tokens, tiktoken "
                              << want.size();
            }
        }
        EXPECT_EQ(mismatches, 0) << encodingName(encoding).toStdString() << " of " << corpus.size() << " texts";
    }
}
