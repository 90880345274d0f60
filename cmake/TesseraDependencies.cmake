# Every dependency comes from Debian's packages; scripts/install-deps.sh lists them.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Network Sql Gui Widgets Charts Svg Test LinguistTools)
find_package(Qt6Keychain REQUIRED)
find_package(spdlog REQUIRED)
find_package(tl-expected REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# SQLite's own API (Debian libsqlite3-dev, the library Qt's SQLite driver uses): the audit log's verification reads
# rows through it on the driver's connection, without turning every field into a QString.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
# PCRE2 (Debian libpcre2-dev, the library Qt's regular expressions use): the tokenizer splits text with it directly,
# over UTF-8 and JIT-compiled, about four times faster than through QRegularExpression.
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
# zxcvbn (Debian libzxcvbn-dev, the C port with its own dictionaries) rates new passwords; it has no pkg-config file.
find_path(ZXCVBN_INCLUDE_DIR zxcvbn.h REQUIRED)
find_library(ZXCVBN_LIBRARY zxcvbn REQUIRED)
add_library(Zxcvbn::Zxcvbn UNKNOWN IMPORTED)
set_target_properties(Zxcvbn::Zxcvbn PROPERTIES IMPORTED_LOCATION "${ZXCVBN_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${ZXCVBN_INCLUDE_DIR}")

if(TESSERA_BUILD_TESTS)
    find_package(GTest REQUIRED)
    find_package(rapidcheck CONFIG REQUIRED)
    find_package(benchmark REQUIRED)
endif()
