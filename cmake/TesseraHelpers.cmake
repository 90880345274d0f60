# tessera_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [ENV <VAR=value...>] [LABELS <labels...>]
#                  [BOTH_ENGINES])
# Builds one GoogleTest executable and registers every test case in it with CTest. With BOTH_ENGINES every case is
# registered twice: as itself on SQLite, and as postgresql.<case> with TESSERA_TEST_ENGINE=postgresql (label
# postgresql), which runs it on the server named by TESSERA_TEST_POSTGRES_URL (scripts/test.sh starts one).
include(GoogleTest)

function(tessera_add_test)
    cmake_parse_arguments(ARG "BOTH_ENGINES" "NAME" "SOURCES;LIBS;ENV;LABELS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE tessera_options ${ARG_LIBS} GTest::gtest GTest::gmock)
    target_include_directories(${ARG_NAME} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
    set(env "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8" ${ARG_ENV})
    set(filter "*")
    if(ARG_BOTH_ENGINES)
        set(filter "-*OnPostgresql")
    endif()
    gtest_discover_tests(${ARG_NAME}
        DISCOVERY_MODE PRE_TEST
        DISCOVERY_TIMEOUT 60
        TEST_FILTER "${filter}"
        PROPERTIES ENVIRONMENT "${env}" LABELS "${ARG_LABELS}" TIMEOUT 120)
    if(ARG_BOTH_ENGINES)
        gtest_discover_tests(${ARG_NAME}
            DISCOVERY_MODE PRE_TEST
            DISCOVERY_TIMEOUT 60
            TEST_FILTER "-*OnSqlite"
            TEST_PREFIX "postgresql."
            PROPERTIES ENVIRONMENT "${env};TESSERA_TEST_ENGINE=postgresql" LABELS "${ARG_LABELS};postgresql"
                       TIMEOUT 120)
    endif()
endfunction()
