import type { CommandContext, SimpleCommand } from "../command-types.js";
import { REMOTE_HOME } from "../shell/remote-side.js";

/**
 * The world a command's paths are judged in. A local command's is the session's; a remote one's
 * (see SimpleCommand.remote) has the stand-in remote home and no project, so nothing there is
 * "inside the project", `~` is the remote home, and system paths are system paths.
 */

/** A project directory no path can be inside. */
const NO_PROJECT = "\u0000no project";

export function contextFor(cmd: SimpleCommand, ctx: CommandContext): CommandContext {
  return cmd.remote == null ? ctx : { cwd: cmd.cwd, home: REMOTE_HOME, projectDir: NO_PROJECT };
}
