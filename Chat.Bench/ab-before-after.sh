#!/usr/bin/env bash
# The A/B of the README (sendMessage before/after a change): the same benchmark binary against two worktrees, alternated.
# Build both trees in Release first and copy Chat.Bench/bin/Release/net10.0 into the "before" tree as Chat.Bench/bin/ab.
set -u
# usage: Chat.Bench/ab-before-after.sh BEFORE_TREE [AFTER_TREE (default: this one)]
before_tree=$(realpath "$1")
after_tree=$(realpath "${2:-$(dirname "$0")/..}")
for round in 1 2; do
  for tree in before after; do
    bin=$after_tree/Chat.Bench/bin/Release/net10.0/Chat.Bench.dll
    [ $tree = before ] && bin=$before_tree/Chat.Bench/bin/ab/Chat.Bench.dll
    echo "=== $tree round $round, load $(cut -d' ' -f1-3 /proc/loadavg), $(date +%T)"
    dotnet $bin send-message --start-app --levels 16,64 --duration 15 2>&1 | grep -vE "^\s+(messaging|orchestration|postgres|gateway|notifications|auth|apphost|presence|redis|schema)"
    sleep 5
  done
done
