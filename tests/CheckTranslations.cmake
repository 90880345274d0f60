# Fails when a translation lacks a string that exists in the sources. Runs lupdate into a copy of each .ts
# (the sources' strings are merged in as "unfinished"), then looks for unfinished or empty translations.
# Inputs: LUPDATE (path), PROJECT_IN (the lupdate project description CMake generated), GENERATOR_SCRIPT
# (Qt's GenerateLUpdateProject.cmake), TS_FILES, WORK_DIR, and optionally EXTRA_OPTIONS (e.g. -pluralonly).
set(PROJECT_JSON "${WORK_DIR}/generated-project.json")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${PROJECT_JSON} -P "${GENERATOR_SCRIPT}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot generate the lupdate project from ${PROJECT_IN}")
endif()
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name "${ts}" NAME)
    set(copy "${WORK_DIR}/${name}")
    configure_file("${ts}" "${copy}" COPYONLY)
    file(READ "${PROJECT_JSON}" project)
    string(REPLACE "${ts}" "${copy}" project "${project}")
    file(WRITE "${WORK_DIR}/project.json" "${project}")
    execute_process(COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -no-obsolete -locations none -silent
                            ${EXTRA_OPTIONS}
                    RESULT_VARIABLE rc OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed (${rc})")
    endif()
    file(READ "${copy}" content)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\"" unfinished "${content}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        message(FATAL_ERROR "${name}: ${count} untranslated string(s), e.g. ${unfinished}.\n"
                            "Run: cmake --build --preset dev --target update_translations, then translate them.")
    endif()
    message(STATUS "${name}: complete")
endforeach()
