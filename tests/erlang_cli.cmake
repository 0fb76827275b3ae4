# erlang_cli.cmake - command-line tests of tools/acd-erlang.c (label "cli").
#
# Two roles in one file:
#   - include()d by tests/CMakeLists.txt: registers the tests below;
#   - run as a script (cmake -P, by those tests): runs acd-erlang once and
#     checks what it did:
#       cmake -DPROGRAM=<exe> -DARGS="a|b|c" -DRC=<exit status>
#             [-DOUT_MATCH=<regex>] [-DERR_MATCH=<regex>]
#             [-DREQUIRED=<agents>] [-DROWS=<data lines>]
#             -P erlang_cli.cmake
#     ARGS separates arguments with '|' (a ';' would be split by add_test).
#     REQUIRED checks the CSV of one interval: the header names the columns
#     and the row whose `required` column is 1 - the only one - has
#     `agents` = REQUIRED.  ROWS is the number of CSV lines after the header.

if(CMAKE_SCRIPT_MODE_FILE)
  string(REPLACE "|" ";" args "${ARGS}")
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
  if(DEFINED REQUIRED OR DEFINED ROWS)
    string(REGEX REPLACE "\n$" "" body "${out}")
    string(REPLACE "\n" ";" lines "${body}")
    list(GET lines 0 header)
    list(REMOVE_AT lines 0)
    list(LENGTH lines nrows)
    if(DEFINED ROWS AND NOT nrows EQUAL ROWS)
      message(FATAL_ERROR "${nrows} CSV rows, expected ${ROWS}:\n${out}")
    endif()
  endif()
  if(DEFINED REQUIRED)
    string(REPLACE "," ";" columns "${header}")
    foreach(col agents service_level asa_s p_wait occupancy p_abandon required)
      list(FIND columns ${col} idx_${col})
      if(idx_${col} LESS 0)
        message(FATAL_ERROR "CSV header has no column '${col}': ${header}")
      endif()
    endforeach()
    set(found "")
    foreach(line IN LISTS lines)
      string(REPLACE "," ";" cells "${line}")
      list(GET cells ${idx_required} req)
      list(GET cells ${idx_agents} agents)
      list(GET cells ${idx_service_level} sl)
      if(NOT req MATCHES "^[01]$")
        message(FATAL_ERROR "required must be 0 or 1: '${line}'")
      endif()
      if(NOT sl MATCHES "^(0|1|0\\.[0-9]+|[0-9.]+e-[0-9]+)$")
        message(FATAL_ERROR "service_level is not a fraction 0..1: '${line}'")
      endif()
      if(req STREQUAL "1")
        if(NOT found STREQUAL "")
          message(FATAL_ERROR "more than one row has required = 1:\n${out}")
        endif()
        set(found "${agents}")
      endif()
    endforeach()
    if(NOT found STREQUAL "${REQUIRED}")
      message(FATAL_ERROR "required = 1 on the row of '${found}' agents, expected ${REQUIRED}:\n${out}")
    endif()
  endif()
  return()
endif()

if(TARGET acd-erlang)
  set(_erl_data "${CMAKE_CURRENT_SOURCE_DIR}/data")
  set(_erl_classic "--calls|100|--interval-minutes|30|--aht|180")

  # acd_erlang_cli(<name> <status> <a|b|c> [extra -D settings...])
  function(acd_erlang_cli name rc args)
    add_test(NAME cli-erlang-${name}
             COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:acd-erlang> "-DARGS=${args}"
                     -DRC=${rc} ${ARGN} -P "${CMAKE_CURRENT_LIST_FILE}")
    set_tests_properties(cli-erlang-${name} PROPERTIES LABELS cli TIMEOUT 60)
  endfunction()

  # The classic example, 10 Erlangs: 13 agents reach 79.6% within 20 s, so
  # 80/20 needs 14 (88.8%); an ASA of at most 20 s needs 13 (17.1 s).
  acd_erlang_cli(classic-csv 0 "${_erl_classic}|--target|80/20|--csv" -DREQUIRED=14 -DROWS=9
    "-DOUT_MATCH=^agents,service_level,asa_s,p_wait,occupancy,p_abandon,scheduled,cost,cost_per_call,required\n.*\n13,0.79559[0-9]*,17.116[0-9]*,.*,0\n14,0.88835[0-9]*,7.8359[0-9]*,.*,1\n")
  acd_erlang_cli(classic-asa 0 "${_erl_classic}|--asa|20|--csv" -DREQUIRED=13)
  acd_erlang_cli(classic-table 0 "${_erl_classic}|--target|80/20"
    "-DOUT_MATCH=10.00 Erlangs.*\n      13 +79.6%.*\n>     14 +88.8% +7.8 .*<- required\n.*Required: 14 agents")
  # Erlang A: patience 5 min (pyworkforce's example) needs 13
  acd_erlang_cli(erlang-a 0 "${_erl_classic}|--target|80/20|--patience|300|--csv" -DREQUIRED=13
    "-DOUT_MATCH=\n13,0.8581[0-9]*,[^,]*,[^,]*,[^,]*,0.02496[0-9]*,13,0,0,1\n")
  acd_erlang_cli(shrinkage-cost 0
    "${_erl_classic}|--target|80/20|--shrinkage|0.3|--rate|30"
    "-DOUT_MATCH=Scheduled: 20 agents with 30% shrinkage\nCost: 300.00 per interval, 3.00 per handled call")
  acd_erlang_cli(load 0 "--load|10|--aht|180|--max-occupancy|80|--csv" -DREQUIRED=13)
  acd_erlang_cli(forecast-csv 0 "--forecast|${_erl_data}/forecast_day.csv|--csv" -DROWS=7
    "-DOUT_MATCH=^interval,calls,aht_s,load,required,scheduled,service_level,asa_s,p_wait,occupancy,p_abandon,cost\n08:00,0,0,0,0,0,1,.*\n09:00,100,180,10,14,14,0.88835.*\n10:00,180,180,18,22,")
  acd_erlang_cli(forecast-table 0
    "--forecast|${_erl_data}/forecast_day.csv|--shrinkage|0.3|--rate|30"
    "-DOUT_MATCH=09:30 +250.0 +240 +33.33 +39 +56 .*\ntotal +682.0 .* 2160.00\n.*Agent-hours: 50.00 required, 72.00 scheduled")
  acd_erlang_cli(no-calls 0 "--calls|0|--csv|--rows|2" -DREQUIRED=0 -DROWS=3)
  acd_erlang_cli(help 0 "--help" "-DOUT_MATCH=^usage: acd-erlang.*--forecast FILE.*Exit status")

  # Mistakes: a clear message on stderr and exit status 2.
  acd_erlang_cli(bad-flag 2 "--calls|100|--bogus" "-DERR_MATCH=unknown option '--bogus'")
  acd_erlang_cli(bad-number 2 "--calls|many" "-DERR_MATCH=--calls: 'many' is not a number")
  acd_erlang_cli(missing-value 2 "--calls" "-DERR_MATCH=--calls needs a value")
  acd_erlang_cli(missing-calls 2 "--aht|180" "-DERR_MATCH=--calls .* is required")
  acd_erlang_cli(bad-target 2 "--calls|100|--target|80" "-DERR_MATCH=--target: '80' is not P/T")
  acd_erlang_cli(bad-shrinkage 2 "--calls|100|--shrinkage|1"
    "-DERR_MATCH=--shrinkage: 1 must be a fraction below 1")
  acd_erlang_cli(negative-aht 2 "--calls|100|--aht|-3" "-DERR_MATCH=--aht: -3 is out of range")
  acd_erlang_cli(no-file 2 "--forecast|${CMAKE_CURRENT_BINARY_DIR}/no-such-forecast.csv"
    "-DERR_MATCH=cannot open forecast")
  acd_erlang_cli(bad-file 2 "--forecast|${_erl_data}/forecast_bad.csv"
    "-DERR_MATCH=forecast_bad.csv:3: calls: 'lots' is not a number")
  acd_erlang_cli(file-and-calls 2 "--forecast|${_erl_data}/forecast_day.csv|--calls|5"
    "-DERR_MATCH=cannot be combined with --forecast")
endif()
