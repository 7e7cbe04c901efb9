#!/usr/bin/env bash
# Warden's hook in resident mode (`warden install --server`): hands the payload to the resident
# server and prints its decision; runs the command hook itself whenever the server is not running,
# is not Warden's, is of another build, refuses the call or does not answer in time. So the guard
# decides and records with the server or without it. Generated from packages/server/src/resident-hook.bash
# by scripts/write-resident-hook.mjs: do not edit.
# usage: bash resident-hook.bash <session-start|post-tool-guard|session-end>   (payload on stdin)
build=f2f54e8e96502271
hook=${1-}
case $hook in session-start | post-tool-guard | session-end) ;; *)
  echo "resident-hook.bash: no hook named '$hook'" >&2
  exit 0
  ;;
esac
LC_ALL=C # byte lengths, byte comparisons
here=${BASH_SOURCE[0]%/*}

# The read builtin takes a pipe one byte per system call: fine for the usual small payload, and
# cat takes the rest of a large one.
IFS= read -r -d '' -n 2048 payload
[ ${#payload} -lt 2048 ] || payload+=$(cat)

# The command hook itself, on this payload; Claude Code is this script's parent, not the hook's.
# The connection is closed first: a server that gets to the call later sees its client gone and
# leaves the call alone (the hook would not close it: it inherits the descriptor).
run_hook() {
  [ -n "${writer-}" ] && kill "$writer" 2>/dev/null
  exec 3>&-
  printf '%s' "$payload" | WARDEN_CLAUDE_PID=$PPID node "$here/$hook.mjs"
}
run_locally() {
  run_hook
  exit 0
}

dir=${WARDEN_SERVER_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/warden}
# The state file is the server's own (a file of another user is not read), of this very build.
[ -O "$dir/server.state" ] || run_locally
read -r pid port token proof server_build <"$dir/server.state" || run_locally
[ "$server_build" = "$build" ] || run_locally
kill -0 "$pid" 2>/dev/null || run_locally
case ${CLAUDE_PROJECT_DIR-}${WARDEN_DIR-} in *[$'\r\n']*) run_locally ;; esac
{ exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || run_locally

# The request ends with a newline (JSON does not mind), counted in its length.
printf -v req 'POST /v1/hook/%s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %s\r\nX-Warden-Stream: 1\r\nX-Claude-Pid: %s\r\nX-Claude-Project-Dir: %s\r\nX-Warden-Dir: %s\r\n\r\n%s\n' \
  "$hook" "$port" "$token" "$((${#payload} + 1))" "$PPID" "${CLAUDE_PROJECT_DIR-}" "${WARDEN_DIR-}" "$payload"
# The request is written from one string: printf writes it 4 KiB at a time, the first piece holds
# every header, and the server answers the headers at once, which lets TCP send the rest without
# waiting (pieces written one by one, each a header, each waited up to 40 ms for TCP's delayed
# acknowledgement). A large payload is written in the background: a server that stopped reading
# cannot then hold this script past its read timeouts below.
if [ ${#req} -lt 65536 ]; then
  printf '%s' "$req" >&3 2>/dev/null || run_locally
else
  { printf '%s' "$req" >&3; } 2>/dev/null &
  writer=$!
fi

# Status line and headers within 2 s (the server sends them on receipt), with the proof.
IFS= read -r -t 2 status <&3 || run_locally
case $status in "HTTP/1."?" 200 "*) ;; *) run_locally ;; esac
shown_proof=
while IFS= read -r -t 2 line <&3; do
  line=${line%$'\r'}
  [ -z "$line" ] && break
  case $line in [Xx]-[Ww]arden-[Pp]roof:*) shown_proof=${line#*:} shown_proof=${shown_proof# } ;; esac
done
[ -n "$shown_proof" ] && [ "$shown_proof" = "$proof" ] || run_locally

# The decision, then `done` once the call is recorded.
IFS= read -r -t 25 decision <&3 || run_locally
IFS= read -r -t 10 recorded <&3
case $decision in "{"*) printf '%s\n' "$decision" ;; esac
# The server decided but did not confirm the record (it stopped meanwhile): record it here; the
# decision above is the one Claude Code reads.
[ "$recorded" = done ] || run_hook >/dev/null
exit 0
