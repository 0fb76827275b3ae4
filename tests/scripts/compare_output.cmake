# compare_output.cmake - run a program and compare its standard output with a
# file, byte for byte.  Usage:
#   cmake -DPROGRAM=<exe> -DEXPECTED=<file> -P compare_output.cmake
execute_process(COMMAND "${PROGRAM}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
file(READ "${EXPECTED}" want)
if(NOT out STREQUAL want)
  message(FATAL_ERROR "output differs from ${EXPECTED}:\n--- got ---\n${out}--- want ---\n${want}")
endif()
