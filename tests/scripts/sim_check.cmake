# sim_check.cmake - run acd-sim once (or twice) and check what it did.
#   cmake -DPROGRAM=<exe> -DARGS="a|b|c" -DRC=<exit status>
#         [-DOUT_MATCH=<regex>] [-DERR_MATCH=<regex>] [-DEXPECTED=<file>]
#         [-DTWICE=1] [-DFILE=<path> -DFILE_MATCH=<regex>]
#         -P sim_check.cmake
# ARGS separates arguments with '|' (a ';' would be split by add_test).
# EXPECTED compares standard output byte for byte with a file; TWICE runs
# the program again and requires the same output; FILE is a file the run
# must have written, matching FILE_MATCH.
string(REPLACE "|" ";" args "${ARGS}")
if(FILE)
  file(REMOVE "${FILE}")
endif()
execute_process(COMMAND "${PROGRAM}" ${args}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc STREQUAL "${RC}")
  message(FATAL_ERROR "exit status ${rc}, expected ${RC}\n--- stdout ---\n${out}\n--- stderr ---\n${err}")
endif()
if(DEFINED OUT_MATCH AND NOT out MATCHES "${OUT_MATCH}")
  message(FATAL_ERROR "stdout does not match '${OUT_MATCH}':\n${out}")
endif()
if(DEFINED ERR_MATCH AND NOT err MATCHES "${ERR_MATCH}")
  message(FATAL_ERROR "stderr does not match '${ERR_MATCH}':\n${err}")
endif()
if(EXPECTED)
  file(READ "${EXPECTED}" want)
  if(NOT out STREQUAL want)
    message(FATAL_ERROR "stdout differs from ${EXPECTED} (if the engine's behaviour changed on purpose, regenerate it: docs/sim.md):\n--- got ---\n${out}--- want ---\n${want}")
  endif()
endif()
if(TWICE)
  execute_process(COMMAND "${PROGRAM}" ${args}
                  OUTPUT_VARIABLE out2 RESULT_VARIABLE rc2)
  if(NOT rc2 STREQUAL "${RC}" OR NOT out STREQUAL out2)
    message(FATAL_ERROR "a second run differs:\n--- first ---\n${out}--- second ---\n${out2}")
  endif()
endif()
if(FILE)
  if(NOT EXISTS "${FILE}")
    message(FATAL_ERROR "${FILE} was not written")
  endif()
  file(READ "${FILE}" content)
  if(DEFINED FILE_MATCH AND NOT content MATCHES "${FILE_MATCH}")
    message(FATAL_ERROR "${FILE} does not match '${FILE_MATCH}'")
  endif()
endif()
