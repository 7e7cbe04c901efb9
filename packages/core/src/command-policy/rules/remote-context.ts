import type { CommandContext, Mount, SimpleCommand } from "../command-types.js";
import { resolveWord } from "../shell/resolve-word.js";
import { REMOTE_HOME } from "../shell/remote-side.js";
import { isInside } from "./classify-path.js";

/**
 * The world a command's paths are judged in. A local command's is the session's; a remote one's
 * (see SimpleCommand.remote) has the stand-in remote home and no project, so nothing there is
 * "inside the project", `~` is the remote home, and system paths are system paths. In a container
 * `docker run` creates, a path under a bind mount is this machine's path again (with
 * `-v /:/host`, `/host/etc` is `/etc`; with `-v "$PWD":/app`, `/app` is the project), one under a
 * named volume is judged as a remote path, and any other is the new container's own copy of the
 * image, gone with it.
 */

/** A project directory no path can be inside. */
const NO_PROJECT = "\u0000no project";

export function contextFor(cmd: SimpleCommand, ctx: CommandContext): CommandContext {
  return cmd.remote == null ? ctx : { cwd: cmd.cwd, home: REMOTE_HOME, projectDir: NO_PROJECT };
}

/**
 * Where a word of the command is judged: the word (or the local path it reaches through a bind
 * mount), the cwd and context; `local` when it is this machine's, `scratch` when it is a new
 * container's own file, gone with the container.
 */
export interface PathView {
  readonly word: string;
  readonly cwd: string;
  readonly ctx: CommandContext;
  readonly local: boolean;
  readonly scratch: boolean;
}

export function viewPath(word: string, cmd: SimpleCommand, ctx: CommandContext): PathView {
  if (cmd.remote == null) return { word, cwd: cmd.cwd, ctx, local: true, scratch: false };
  const remote = { word, cwd: cmd.cwd, ctx: contextFor(cmd, ctx), local: false, scratch: false };
  if (cmd.container == null) return remote;
  const inside = resolveWord(word, cmd.cwd, REMOTE_HOME);
  if (inside == null) return remote;
  const mount = innermostMount(inside, cmd.container.mounts);
  if (mount == null) {
    // `rm -rf /` in a container with `-v "$PWD":/app` empties the project too: judge what lasts in it.
    const held = cmd.container.mounts.filter((m) => isInside(inside, m.inside));
    const bound = held.find((m) => m.host != null);
    if (bound?.host != null) return { word: bound.host, cwd: ctx.cwd, ctx, local: true, scratch: false };
    return held.length > 0 ? remote : { ...remote, scratch: true };
  }
  if (mount.host == null) return remote;
  const rest = mount.inside === "/" ? inside : inside.slice(mount.inside.length);
  const host = mount.host === "/" ? "" : mount.host;
  return { word: rest === "" ? mount.host : `${host}${rest}`, cwd: ctx.cwd, ctx, local: true, scratch: false };
}

function innermostMount(inside: string, mounts: readonly Mount[]): Mount | undefined {
  let best: Mount | undefined;
  for (const mount of mounts) {
    const holds = inside === mount.inside || isInside(mount.inside, inside);
    if (holds && (best == null || mount.inside.length > best.inside.length)) best = mount;
  }
  return best;
}
