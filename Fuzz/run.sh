#!/bin/bash
# Builds the fuzz targets with libFuzzer and the address sanitizer, replays the kept inputs
# (FailCases/ and Corpus/) through them, then fuzzes each target for SECONDS.
#
#   Fuzz/run.sh SECONDS [TARGET...]      e.g.  Fuzz/run.sh 600 FuzzCSV FuzzRuleExpression
#   Fuzz/run.sh 0                        build and replay only
#
# Each target reads its seeds from Corpus/<Target>/ and keeps what it grows in
# .corpus-work/<Target>/ (ignored by git). An input that breaks a property is written to
# FailCases/<Target>/ (crash-<sha1>; give it a descriptive name once understood).
# Environment: JOBS (build jobs, default 1), LOG_DIR (default .corpus-work/logs),
# FUZZ_ARGS (extra libFuzzer options, e.g. "-max_len=4096").
set -u

cd "$(dirname "$0")"
readonly ALL_TARGETS=(FuzzCSV FuzzEncoding FuzzNumbersAndDates FuzzJSONLines FuzzPipelineFile FuzzRuleExpression)

if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS [TARGET...]   (targets: ${ALL_TARGETS[*]})" >&2
  exit 2
fi
readonly SECONDS_PER_TARGET=$1
shift
TARGETS=("$@")
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=("${ALL_TARGETS[@]}")
for target in "${TARGETS[@]}"; do
  if [[ ! " ${ALL_TARGETS[*]} " =~ " ${target} " ]]; then
    echo "unknown target: ${target} (targets: ${ALL_TARGETS[*]})" >&2
    exit 2
  fi
done

LOG_DIR=${LOG_DIR:-.corpus-work/logs}
mkdir -p "${LOG_DIR}"
# Swift's own crash reporter reads memory the sanitizer then reports; libFuzzer reports instead.
export SWIFT_BACKTRACE=enable=no

echo "== Building (swift build -c debug, -sanitize=fuzzer,address)"
swift build -c debug --jobs "${JOBS:-1}" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library || exit 1
BIN=$(swift build -c debug --show-bin-path -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

status=0
declare -A RESULT EXECS
for target in "${TARGETS[@]}"; do
  mkdir -p "FailCases/${target}" ".corpus-work/${target}"
  # Replay the kept inputs (files only: FailCases/<Target>/open/ holds known, unfixed cases).
  kept=()
  while IFS= read -r -d '' file; do kept+=("$file"); done < <(
    find "FailCases/${target}" "Corpus/${target}" -maxdepth 1 -type f ! -name '.*' -print0 | sort -z)
  if [[ ${#kept[@]} -gt 0 ]]; then
    echo "== Replaying ${#kept[@]} kept inputs through ${target}"
    if ! "${BIN}/${target}" -runs=1 "${kept[@]}" > "${LOG_DIR}/${target}-replay.log" 2>&1; then
      echo "   FAILED: see ${LOG_DIR}/${target}-replay.log"
      grep -m1 -E "INVARIANT VIOLATION|ERROR: (AddressSanitizer|libFuzzer)|Fatal error" "${LOG_DIR}/${target}-replay.log"
      RESULT[$target]="replay failed"
      status=1
      continue
    fi
  fi
  [[ ${SECONDS_PER_TARGET} -eq 0 ]] && { RESULT[$target]="replayed"; continue; }

  dict=()
  [[ -f "Dictionaries/${target}.dict" ]] && dict=("-dict=Dictionaries/${target}.dict")
  echo "== Fuzzing ${target} for ${SECONDS_PER_TARGET}s (log: ${LOG_DIR}/${target}.log)"
  # No leak checks: Foundation, Dispatch and the Swift runtime keep caches that LeakSanitizer
  # would scan for after most inputs (ten times slower), and a leak is not what we look for.
  # shellcheck disable=SC2086
  "${BIN}/${target}" ".corpus-work/${target}" "Corpus/${target}" "${dict[@]}" \
    -max_total_time="${SECONDS_PER_TARGET}" -print_final_stats=1 -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
    -artifact_prefix="FailCases/${target}/" ${FUZZ_ARGS:-} > "${LOG_DIR}/${target}.log" 2>&1
  code=$?
  EXECS[$target]=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "${LOG_DIR}/${target}.log" | grep -o '[0-9]*$' | tail -1)
  if [[ $code -eq 0 ]]; then
    RESULT[$target]="clean"
  else
    RESULT[$target]="FINDING: $(grep -o "Test unit written to .*" "${LOG_DIR}/${target}.log" | tail -1 | sed 's/Test unit written to //')"
    grep -m1 -E "INVARIANT VIOLATION|ERROR: (AddressSanitizer|libFuzzer)" "${LOG_DIR}/${target}.log"
    status=1
  fi
done

echo
printf '%-22s %14s  %s\n' "target" "executions" "result"
for target in "${TARGETS[@]}"; do
  printf '%-22s %14s  %s\n' "${target}" "${EXECS[$target]:--}" "${RESULT[$target]:-}"
done
exit $status
