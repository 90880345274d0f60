# One INTERFACE target carries the language level, the Qt strictness macros and the warnings.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
set(CMAKE_AUTOMOC ON)

if(NOT CMAKE_CXX_COMPILER_LAUNCHER)
    find_program(TESSERA_CCACHE ccache)
    if(TESSERA_CCACHE)
        set(CMAKE_CXX_COMPILER_LAUNCHER "${TESSERA_CCACHE}")
    endif()
endif()

add_library(tessera_options INTERFACE)
target_compile_definitions(tessera_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060000
    TESSERA_VERSION="${PROJECT_VERSION}")
target_compile_options(tessera_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
if(TESSERA_WARNINGS_AS_ERRORS)
    target_compile_options(tessera_options INTERFACE -Werror)
endif()

option(TESSERA_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(TESSERA_SANITIZE)
    target_compile_options(tessera_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(tessera_options INTERFACE -fsanitize=address,undefined)
endif()
