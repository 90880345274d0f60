// Runs a libFuzzer target without libFuzzer: every file given on the command line, then its built-in seeds and
// a fixed number of seeded random mutations of them (byte flips, cuts, insertions of the syntax's characters, joins),
// so the same inputs run on every machine. Exits non-zero only when the target aborts (which ends the process).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

const std::vector<std::string> seeds = {
    "Hello {{name}}!",
    "{{tone : choice(formal, \"very casual\") = formal}}",
    "{{n : number(1..10) = 3}} {{y : yesno}} {{d : date}} {{f : file}} {{m : multiline}}",
    "one\n{{?extra}}\nwith {{extra}}\n{{/extra}}\nthree",
    "{{! a comment }}\\{{literal}} \\\\ \\} {{a = \"q \\\" \\\\\"}}",
    "{{?a}}{{?b}}{{c}}{{/b}}{{/a}}",
    "{{x = 1}} {{x}} {{/x}} {{?}} {{ }} {{x : number(9..1)}}",
};

const char* const syntax[] = {"{{", "}}", "{", "}", "\\", "?", "/", "!", ":", "=", "\"", "(", ")", ",", "..", "\n"};

void run(const std::string& input) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

} // namespace

int main(int argc, char** argv) {
    int runs = 0;
    for (int i = 1; i < argc; ++i) {
        std::ifstream file(argv[i], std::ios::binary);
        run(std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()));
        ++runs;
    }
    std::mt19937 random(20261202);
    for (const std::string& seed : seeds) {
        run(seed);
        ++runs;
    }
    for (int i = 0; i < 50'000; ++i) {
        std::string input = seeds[random() % seeds.size()];
        const int edits = 1 + int(random() % 8);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = input.empty() ? 0 : random() % (input.size() + 1);
            switch (random() % 5) {
            case 0:
                if (at < input.size()) {
                    input[at] = char(random() % 256);
                }
                break;
            case 1:
                input.erase(at, random() % 8);
                break;
            case 2:
                input.insert(at, syntax[random() % std::size(syntax)]);
                break;
            case 3:
                input.insert(at, seeds[random() % seeds.size()]);
                break;
            default:
                input = input.substr(0, at);
                break;
            }
        }
        run(input);
        ++runs;
    }
    std::printf("%d inputs, none failed\n", runs);
    return 0;
}
