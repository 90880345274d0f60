# Every dependency comes from Debian's packages; scripts/install-deps.sh lists them.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Network Sql Gui Widgets Charts Svg Test LinguistTools)
find_package(Qt6Keychain REQUIRED)
find_package(spdlog REQUIRED)
find_package(tl-expected REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

if(TESSERA_BUILD_TESTS)
    find_package(GTest REQUIRED)
    find_package(rapidcheck CONFIG REQUIRED)
    find_package(benchmark REQUIRED)
endif()
