# tessera_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>] [BOTH_ENGINES])
# Builds one GoogleTest executable and registers every test case in it with CTest. With BOTH_ENGINES every case is
# registered twice: as itself on SQLite, and as postgresql.<case> with --tessera-engine=postgresql (label
# postgresql), which runs it on the server named by TESSERA_TEST_POSTGRES_URL (scripts/test.sh starts one). A case
# that only makes sense on one engine is named …OnSqlite or …OnPostgresql and is registered for that engine only.
#
# The engine travels as a command-line argument, not in ENVIRONMENT: CMake 3.25's test discovery writes a property
# holding a list (several variables, several labels) as separate words, so each property gets one value: the
# environment one variable, and the label the first of LABELS (postgresql for the PostgreSQL pass).
include(GoogleTest)

function(tessera_add_test)
    cmake_parse_arguments(ARG "BOTH_ENGINES" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE tessera_options ${ARG_LIBS} GTest::gtest GTest::gmock)
    target_include_directories(${ARG_NAME} PRIVATE "${PROJECT_SOURCE_DIR}/tests")
    list(GET ARG_LABELS 0 label)
    set(filter "*")
    if(ARG_BOTH_ENGINES)
        set(filter "-*OnPostgresql")
    endif()
    gtest_discover_tests(${ARG_NAME}
        DISCOVERY_MODE PRE_TEST
        DISCOVERY_TIMEOUT 60
        TEST_FILTER "${filter}"
        PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" LABELS "${label}" TIMEOUT 120)
    if(ARG_BOTH_ENGINES)
        gtest_discover_tests(${ARG_NAME}
            DISCOVERY_MODE PRE_TEST
            DISCOVERY_TIMEOUT 60
            TEST_FILTER "-*OnSqlite"
            TEST_PREFIX "postgresql."
            EXTRA_ARGS "--tessera-engine=postgresql"
            PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" LABELS "postgresql" TIMEOUT 120)
    endif()
endfunction()
