/**
 * Where the resident server keeps its state, for the rules that guard it. The hook adds the folder
 * it really uses (serverPaths: WARDEN_SERVER_DIR, XDG_STATE_HOME) to the guard's folders; the
 * catalogue names the default one, so a policy built without the hook (`warden explain`) knows it too.
 */

/** Where serverPaths puts the server's folder when neither WARDEN_SERVER_DIR nor XDG_STATE_HOME is set, under the home. */
export const DEFAULT_SERVER_DIR = ".local/state/warden";
/** The one line `pid port token proof build`: whoever has the token and proof can answer the hooks in the server's place. */
export const SERVER_STATE_FILE = "server.state";
export const SERVER_STATE_RULE = "guard.read-server-state";
