/**
 * The far side of `ssh host …`, `docker exec ctr …` and `kubectl exec pod -- …`: another machine or
 * a container, whose home and working directory the guard cannot know. Paths there resolve against
 * these stand-ins, so `~`, `$HOME` and an ssh command's relative paths land in "the remote home",
 * a container's relative paths in "the remote workdir", and absolute paths mean what they say
 * everywhere (`rm -rf /` is the root of any machine).
 */

export const REMOTE_HOME = "/<remote home>";
export const REMOTE_WORKDIR = "/<remote workdir>";
