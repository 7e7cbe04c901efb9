export { createResidentServer, type ResidentServerOptions, type ServedHook } from "./resident-server.js";
export { servedHooks } from "./served-hooks.js";
