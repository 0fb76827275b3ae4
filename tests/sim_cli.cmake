# sim_cli.cmake - command-line tests of tools/acd-sim.c (label "cli").
if(TARGET acd-sim)
  set(_sim_check "${CMAKE_CURRENT_SOURCE_DIR}/scripts/sim_check.cmake")
  set(_sim_demo "--agents|25|--calls-per-hour|400|--aht|180|--patience|120|--hours|8|--sl-seconds|20|--seed|1")

  # acd_sim_cli(<name> RC <status> ARGS <a|b|c> [extra -D settings...])
  function(acd_sim_cli name rc args)
    add_test(NAME cli-sim-${name}
             COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:acd-sim> "-DARGS=${args}"
                     -DRC=${rc} ${ARGN} -P "${_sim_check}")
    set_tests_properties(cli-sim-${name} PROPERTIES LABELS cli TIMEOUT 120)
  endfunction()

  # The README demo: a readable table and a day summary.
  acd_sim_cli(table 0 "${_sim_demo}"
    "-DOUT_MATCH=interval +offered +answered +abandoned +SL% .*\ntotal +[0-9]+ .*Service level: [0-9.]+%")
  # CSV: the header names the columns; the last row is the day total.
  acd_sim_cli(csv 0 "${_sim_demo}|--csv"
    "-DOUT_MATCH=^interval,offered,answered,abandoned,abandoned_short,timed_out,handled,service_level,asa_s,avg_wait_s,max_wait_s,aht_s,abandon_rate,occupancy,agents,waiting,waiting_max\n00:00,[0-9]+,.*\ntotal,[0-9]+,[0-9]+,[0-9]+,[^\n]*\n$")
  # Same flags, same output, byte for byte; another seed, another output
  # (the golden file below pins the numbers across machines).
  acd_sim_cli(deterministic 0 "${_sim_demo}|--csv|--interval-minutes|15" -DTWICE=1)
  acd_sim_cli(scenario-golden 0
    "--scenario|${CMAKE_CURRENT_SOURCE_DIR}/data/sim_day.scn|--csv"
    "-DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/data/sim_day.csv" -DTWICE=1)
  acd_sim_cli(scenario-table 0
    "--scenario|${CMAKE_CURRENT_SOURCE_DIR}/data/sim_day.scn|--queue|sales"
    "-DOUT_MATCH=Support and sales.*\n17:30 .*total ")
  # A hunt group: ring-all, the first answer wins; the same output twice.
  acd_sim_cli(scenario-ring 0
    "--scenario|${CMAKE_CURRENT_SOURCE_DIR}/data/sim_ring.scn"
    "-DOUT_MATCH=Hunt group, ring-all.*\ntotal +[0-9]+ .*Service level: [0-9.]+%" -DTWICE=1)
  acd_sim_cli(svg 0 "${_sim_demo}|--svg|${CMAKE_CURRENT_BINARY_DIR}/sim_demo.svg"
    "-DFILE=${CMAKE_CURRENT_BINARY_DIR}/sim_demo.svg"
    "-DFILE_MATCH=^<\\?xml.*<svg .*service level.*</svg>\n$")
  acd_sim_cli(help 0 "--help" "-DOUT_MATCH=^usage: acd-sim.*--calls-per-hour.*Exit status")

  # Mistakes: a clear message and exit status 2.
  acd_sim_cli(bad-flag 2 "--agents|5|--bogus" "-DERR_MATCH=unknown option '--bogus'")
  acd_sim_cli(bad-number 2 "--agents|five|--calls-per-hour|100"
    "-DERR_MATCH=--agents: 'five' is not a number")
  acd_sim_cli(missing-value 2 "--agents" "-DERR_MATCH=--agents needs a value")
  acd_sim_cli(missing-rate 2 "--agents|5" "-DERR_MATCH=--calls-per-hour are required")
  acd_sim_cli(aht-vs-wrapup 2 "--agents|5|--calls-per-hour|10|--aht|30|--wrapup|30"
    "-DERR_MATCH=must be longer than --wrapup")
  acd_sim_cli(bad-interval 2 "--agents|5|--calls-per-hour|10|--interval-minutes|7"
    "-DERR_MATCH=interval must divide a day")
  acd_sim_cli(no-file 2 "--scenario|${CMAKE_CURRENT_BINARY_DIR}/no-such.scn"
    "-DERR_MATCH=cannot open scenario")
  acd_sim_cli(bad-file 2 "--scenario|${CMAKE_CURRENT_SOURCE_DIR}/data/sim_bad.scn"
    "-DERR_MATCH=sim_bad.scn:6: patience: 'sometimes' is not a distribution")
  acd_sim_cli(file-and-flags 2
    "--scenario|${CMAKE_CURRENT_SOURCE_DIR}/data/sim_day.scn|--agents|5"
    "-DERR_MATCH=cannot be combined with --scenario")
  acd_sim_cli(unknown-queue 2
    "--scenario|${CMAKE_CURRENT_SOURCE_DIR}/data/sim_day.scn|--queue|billing"
    "-DERR_MATCH=no queue named 'billing'")
endif()
