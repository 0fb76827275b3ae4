# fuzz.cmake - fuzz targets (tests/fuzz/fuzz_*.c).  Each is always built
# with the standalone driver tests/fuzz/fuzz_main.c, and ctest replays the
# corpus in tests/fuzz/corpus plus 300 generated inputs.  With -DACD_FUZZ=ON
# and clang, each is also built as a libFuzzer binary (fuzz_<name>_libfuzzer)
# for open-ended fuzzing: ./fuzz_events_libfuzzer tests/fuzz/corpus
option(ACD_FUZZ "Also build libFuzzer binaries (clang)" OFF)
file(GLOB _acd_fuzz_targets CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_*.c")
list(REMOVE_ITEM _acd_fuzz_targets "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_main.c")
foreach(_src IN LISTS _acd_fuzz_targets)
  get_filename_component(_name "${_src}" NAME_WE)
  add_executable(${_name}_replay "${_src}" "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_main.c")
  target_link_libraries(${_name}_replay PRIVATE acd::acd_static)
  target_compile_options(${_name}_replay PRIVATE ${ACD_PROGRAM_WARNINGS})
  set_target_properties(${_name}_replay PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
  add_test(NAME ${_name}
    COMMAND ${_name}_replay "${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus" --generated 300)
  set_tests_properties(${_name} PROPERTIES LABELS unit TIMEOUT 300)
  if(ACD_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
    # The library is compiled into the target, instrumented with it:
    # linking the plain static library would give libFuzzer no coverage
    # of the engine and ASan no view of its memory.
    add_executable(${_name}_libfuzzer "${_src}" ${ACD_LIB_SOURCES})
    target_include_directories(${_name}_libfuzzer PRIVATE
      "${PROJECT_SOURCE_DIR}/include" "${PROJECT_SOURCE_DIR}/lib")
    target_link_libraries(${_name}_libfuzzer PRIVATE m)
    target_compile_options(${_name}_libfuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${_name}_libfuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
  endif()
endforeach()
