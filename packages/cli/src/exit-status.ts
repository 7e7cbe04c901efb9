/** The exit statuses every command shares; scripts branch on them, so they are documented in every --help. */
export const EXIT = { yes: 0, no: 1, usage: 2, failure: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_STATUS_HELP = `exit status:
  0  done, and the answer is yes: allowed, nothing found, healthy, wired, listed
  1  done, and the answer is no: explain decides deny or ask, scan finds something,
     doctor finds a problem, install --check finds the wiring missing or stale
  2  usage error: unknown command or option, missing or bad argument; nothing was done
  3  could not do the job: no .warden found, unknown session, unreadable file, invalid config`;

/** One line for a command's --help: `answersNo` says when it exits 1; absent when it never does. */
export function exitStatusLine(answersNo: string | undefined): string {
  const no = answersNo == null ? "" : `, 1 ${answersNo}`;
  return `exit status: 0 done${no}, 2 usage error, 3 could not do the job (warden --help has the details)`;
}
