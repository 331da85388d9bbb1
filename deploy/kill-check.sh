#!/usr/bin/env bash
# Kill one node in the middle of the work and check that nothing acknowledged is lost or doubled (README,
# "Deployment kit").
#
#   deploy/kill-check.sh [DIR]
#
# With DIR, uses the nodes deploy/two-nodes.sh started there (DIR/env); without it, or when they are not running,
# starts them with deploy/two-nodes.sh up (in DIR or a temporary folder) and stops them at the end.
#
# As the prod profile's administrator it creates a unit chain (Party superior committee, committee and cell; Youth
# Union bloc, grassroots unit and branch; POST /api/units) and one branch secretary (Camunda's POST
# /engine-rest/user/create, put in the group branch-secretary.<branch>). Then, as that secretary, for each of
# CANDIDACIES members (10): registers the member (POST /api/members), nominates them (POST /engine-rest/
# process-definition/key/party-admission/submit-form) and records the branch vote (POST /engine-rest/task/…/
# submit-form), each request on the other node than the one before, as a round-robin balancer would. Halfway, a
# nomination is sent to node2 and node2 is killed (kill -9) while it is in flight. A request that finds its node dead
# (connection refused) goes to the other node, as a balancer does; a request cut off in flight is not retried by the
# balancer: the secretary submits it again, as README ("After a crash") says. At the end, GET /api/candidacies?branch=…
# must list every acknowledged nomination exactly once, with no member twice, and each acknowledged branch vote must
# have moved its candidacy on.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CANDIDACIES=${CANDIDACIES:-10}
DIR=${1:-}
command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }

running() { [ -f "$1/env" ] && [ -f "$1/node1.pid" ] && [ -f "$1/node2.pid" ] \
  && kill -0 "$(cat "$1/node1.pid")" 2>/dev/null && kill -0 "$(cat "$1/node2.pid")" 2>/dev/null; }
started_here=false
if [ -z "$DIR" ] || ! running "$DIR"; then
  [ -n "$DIR" ] || DIR=$(mktemp -d "${TMPDIR:-/tmp}/kill-check.XXXXXX")
  "$ROOT/deploy/two-nodes.sh" up "$DIR"
  started_here=true
fi
DIR=$(cd "$DIR" && pwd)
# shellcheck disable=SC1091
. "$DIR/env"
if $started_here; then trap '"$ROOT/deploy/two-nodes.sh" stop "$DIR" >/dev/null' EXIT; fi

URL=("$NODE1_URL" "$NODE2_URL")
PID=("$(cat "$DIR/node1.pid")" "$(cat "$DIR/node2.pid")")
ALIVE=(true true)
RUN=$(date +%H%M%S)
BRANCH="KC$RUN-01"
SECRETARY="bithu$RUN"
SECRETARY_PASSWORD="Bt-$RUN-Kc9x!"
ADMIN="$ADMISSION_ADMIN_USER:$ADMISSION_ADMIN_PASSWORD"
TODAY=$(TZ=Asia/Ho_Chi_Minh date +%F)
ago() { TZ=Asia/Ho_Chi_Minh date -d "$TODAY -$1" +%F; }

turn=0; requests=(0 0); failovers=0
# send USER:PASSWORD METHOD PATH [JSON]: sets STATUS, BODY and NODE (0 or 1); round robin, and the other node when
# the chosen one refuses the connection (nothing reached it). STATUS 000: cut off in flight.
send() {
  local credentials=$1 method=$2 path=$3 data=${4:-} node out code
  node=$((turn % 2)); turn=$((turn + 1))
  ${ALIVE[$node]} || { node=$((1 - node)); failovers=$((failovers + 1)); }
  while :; do
    set +e
    out=$(curl -sS -m 60 -u "$credentials" -X "$method" -H 'Accept: application/json' \
      ${data:+-H 'Content-Type: application/json' --data-binary "$data"} -w '\n%{http_code}' "${URL[$node]}$path" 2>&1)
    code=$?
    set -e
    if [ $code = 7 ] && ${ALIVE[$((1 - node))]}; then   # connection refused: the node is down, try the other
      ALIVE[$node]=false; node=$((1 - node)); failovers=$((failovers + 1)); continue
    fi
    break
  done
  NODE=$node; requests[$node]=$((requests[$node] + 1))
  STATUS=$(tail -n1 <<<"$out"); BODY=$(sed '$d' <<<"$out")
  [ $code = 0 ] || STATUS=000
}
expect() { [[ $STATUS == 2* ]] || { echo "$1: HTTP $STATUS $BODY" >&2; exit 1; }; }

echo "== kill-check: node1 ${URL[0]} (pid ${PID[0]}), node2 ${URL[1]} (pid ${PID[1]}), branch $BRANCH"

# --- the administrator sets up a unit chain and one branch secretary ---------------------------------------------------
unit() { send "$ADMIN" POST /api/units "$(jq -nc --arg c "$1" --arg n "$2" --arg k "$3" --arg p "$4" --arg cell "$5" \
  '{code:$c, name:$n, kind:$k, parentCode:(if $p=="" then null else $p end), partyCellCode:(if $cell=="" then null else $cell end)}')"; expect "unit $1"; }
unit "KCDU$RUN" "Đảng ủy cấp trên $RUN" PARTY_SUPERIOR_COMMITTEE "" ""
unit "KCDC$RUN" "Đảng ủy cơ sở $RUN" PARTY_COMMITTEE "KCDU$RUN" ""
unit "KCCB$RUN" "Chi bộ $RUN" PARTY_CELL "KCDC$RUN" ""
unit "KCDK$RUN" "Đoàn Khối $RUN" YOUTH_BLOC "" ""
unit "KC$RUN" "Đoàn cơ sở $RUN" YOUTH_GRASSROOTS "KCDK$RUN" ""
unit "$BRANCH" "Chi đoàn $RUN" YOUTH_BRANCH "KC$RUN" "KCCB$RUN"
send "$ADMIN" POST /engine-rest/user/create "$(jq -nc --arg id "$SECRETARY" --arg pw "$SECRETARY_PASSWORD" \
  '{profile:{id:$id, firstName:"Bí thư", lastName:"Chi đoàn", email:($id+"@example.org")}, credentials:{password:$pw}}')"
expect "user $SECRETARY"
send "$ADMIN" PUT "/engine-rest/group/branch-secretary.$BRANCH/members/$SECRETARY"; expect "membership"
SEC="$SECRETARY:$SECRETARY_PASSWORD"
echo "set-up: 6 units, user $SECRETARY in group branch-secretary.$BRANCH"

# --- the secretary's work, one node after the other; node2 killed halfway ------------------------------------------------
declare -A nominated=() voted=()
cut_off=(); refused_again=()
vote_values=$(jq -nc --arg d "$(ago '7 days')" '{variables:{meetingDate:{value:$d}, branchMemberCount:{value:25},
  attendeeCount:{value:22}, votesFor:{value:20}, votesAgainst:{value:2}, resolutionNumber:{value:"01-NQ/CĐ"}}}')
nominate() {
  send "$SEC" POST /engine-rest/process-definition/key/party-admission/submit-form "$(jq -nc --arg m "$1" \
    '{variables:{memberCode:{value:$m}, nominationReason:{value:"Gương mẫu, nhiệt tình trong công tác Đoàn"}}}')"
}
record() { # a nomination's outcome: acknowledged (its instance), or cut off
  local member=$1
  if [[ $STATUS == 2* ]]; then nominated[$member]=$(jq -r .id <<<"$BODY")
  elif [ "$STATUS" = 000 ]; then cut_off+=("$member")
  else echo "nominate $member: HTTP $STATUS $BODY" >&2; exit 1; fi
}
half=$((CANDIDACIES / 2))
for i in $(seq 1 "$CANDIDACIES"); do
  member=$(printf 'KC%s-%03d' "$RUN" "$i")
  send "$SEC" POST /api/members "$(jq -nc --arg c "$member" --arg b "$BRANCH" --arg born "$(ago '23 years')" \
    --arg joined "$(ago '7 years')" --argjson y "$(( $(date +%Y) - 1 ))" '{code:$c, fullName:("Nguyễn Văn "+$c),
    birthDate:$born, gender:"MALE", branchCode:$b, youthUnionJoinDate:$joined, education:"UNIVERSITY",
    lastRating:"EXCELLENT", lastRatingYear:$y}')"; expect "register $member"
  if [ "$i" = $((half + 1)) ] && ${ALIVE[1]}; then
    # this nomination goes to node2, which is killed while it is in flight
    [ $((turn % 2)) = 1 ] || turn=$((turn + 1))
    ( sleep 0.15; kill -9 "${PID[1]}" ) & killer=$!
    nominate "$member"; wait $killer; ALIVE[1]=false
    echo "kill -9 node2 (pid ${PID[1]}) during the nomination of $member: HTTP $STATUS"
    record "$member"
  else
    nominate "$member"; record "$member"
  fi
  [ -n "${nominated[$member]:-}" ] || continue
  send "$SEC" GET "/engine-rest/task?processInstanceId=${nominated[$member]}&taskDefinitionKey=recordBranchVote&maxResults=10"
  expect "task of $member"; task=$(jq -r '.[0].id' <<<"$BODY")
  send "$SEC" POST "/engine-rest/task/$task/submit-form" "$vote_values"
  if [[ $STATUS == 2* ]]; then voted[$member]=1; else echo "branch vote of $member: HTTP $STATUS $BODY" >&2; exit 1; fi
done
# the secretary submits again what was cut off: stored once either way
for member in "${cut_off[@]}"; do
  nominate "$member"
  if [[ $STATUS == 2* ]]; then nominated[$member]=$(jq -r .id <<<"$BODY")
  elif [ "$STATUS" = 400 ] && grep -q "đang xử lý" <<<"$BODY"; then refused_again+=("$member")   # the first one was stored
  else echo "nominate $member again: HTTP $STATUS $BODY" >&2; exit 1; fi
done

# --- what survived -------------------------------------------------------------------------------------------------------
send "$ADMIN" GET "/api/candidacies?branch=$BRANCH"; expect candidacies
listed=$(jq length <<<"$BODY")
distinct=$(jq '[.[].memberCode] | unique | length' <<<"$BODY")
missing=0; not_moved=0
for member in "${!nominated[@]}"; do
  n=$(jq --arg m "$member" --arg p "${nominated[$member]}" '[.[] | select(.memberCode==$m and .processInstanceId==$p)] | length' <<<"$BODY")
  [ "$n" = 1 ] || { echo "acknowledged nomination of $member (instance ${nominated[$member]}) listed $n times" >&2; missing=$((missing + 1)); }
done
for member in "${!voted[@]}"; do
  stage=$(jq -r --arg m "$member" '.[] | select(.memberCode==$m) | .stage' <<<"$BODY")
  [ "$stage" != recordBranchVote ] || { echo "branch vote of $member acknowledged but the candidacy did not move on" >&2; not_moved=$((not_moved + 1)); }
done
stages=$(jq -r '[group_by(.stage)[] | "\(.[0].stage) \(length)"] | join(", ")' <<<"$BODY")
expected=$(( ${#nominated[@]} + ${#refused_again[@]} ))

echo "requests: node1 ${requests[0]}, node2 ${requests[1]} (alternating; $failovers sent to node1 after node2 died)"
echo "nominations acknowledged: ${#nominated[@]} of $CANDIDACIES; cut off by the kill: ${#cut_off[@]}" \
  "(submitted again: $(( ${#cut_off[@]} - ${#refused_again[@]} )) stored now, ${#refused_again[@]} refused as already open)"
echo "branch votes acknowledged: ${#voted[@]}"
echo "GET /api/candidacies?branch=$BRANCH: $listed candidacies, $distinct members ($stages)"
if [ "$missing" = 0 ] && [ "$not_moved" = 0 ] && [ "$listed" = "$distinct" ] && [ "$listed" = "$expected" ]; then
  echo "OK: every acknowledged nomination exists exactly once, no candidacy doubled, every acknowledged vote kept"
else
  echo "FAILED: $missing acknowledged nominations missing or doubled, $not_moved votes lost, $listed listed for $expected expected"
  exit 1
fi
