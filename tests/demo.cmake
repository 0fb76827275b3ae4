# demo.cmake - the C demo prints exactly tests/data/demo.expected (the Python
# and Go demos are compared with the same file).
if(TARGET example_demo)
  add_test(NAME demo_output
           COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:example_demo>
                   -DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/data/demo.expected
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/scripts/compare_output.cmake)
  set_tests_properties(demo_output PROPERTIES LABELS unit)
endif()
