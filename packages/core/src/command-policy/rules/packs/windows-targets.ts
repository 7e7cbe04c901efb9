/**
 * Where a Windows path lands, for the places a machine cannot lose: a drive root (`C:\`, `\`,
 * `$env:SystemDrive`), the user profile (`~`, `$HOME`, `$env:USERPROFILE`, `%USERPROFILE%`,
 * `C:\Users\name`, `C:\Users`), or the system (`C:\Windows`, `System32`, `Program Files`,
 * `ProgramData`). Git Bash spellings (`/c/Users/name`) and a variable bash already expanded
 * (the session's home) are read too.
 */

import { DYNAMIC } from "../../shell/markers.js";

export type WindowsPlace = "drive root" | "user profile" | "Windows system directory";

const VARIABLES: readonly (readonly [RegExp, string])[] = [
  [/^(?:\$env:userprofile|%userprofile%|\$home|~)/, "~"],
  [/^(?:\$env:systemdrive|%systemdrive%)/, "c:"],
  [/^(?:\$env:systemroot|\$env:windir|%systemroot%|%windir%)/, "c:\\windows"],
  [/^(?:\$env:programfiles|%programfiles%)/, "c:\\program files"],
];
const MSYS_DRIVE = /^\/([a-z])(?=\/|$)/i;
const TRAILING_GLOB = /\\+(?:\*(?:\.\*)?)?$/;
const DRIVE = /^[a-z]:$/;
const PROFILES = /^[a-z]:\\users(?:\\[^\\]+)?$/;
const SYSTEM = /^[a-z]:\\(?:windows(?:\\system32)?|program files(?: \(x86\))?|programdata)$/;

export function locateWindowsPath(word: string, home: string): WindowsPlace | undefined {
  const path = normalise(withPowerShellEnv(word));
  if (path == null) return undefined;
  if (path === "" || DRIVE.test(path)) return "drive root";
  if (path === "~" || PROFILES.test(path) || path === normalise(home)) return "user profile";
  return SYSTEM.test(path) ? "Windows system directory" : undefined;
}

/** Lower-cased, backslashed, variables folded, a trailing `\`, `\*` or `\*.*` dropped; undefined for a relative path. */
function normalise(word: string): string | undefined {
  // bash left `$env` of an unquoted `$env:USERPROFILE` as an unknown variable.
  let path = word.replace(MSYS_DRIVE, "$1:").replace(/\//g, "\\").toLowerCase();
  for (const [pattern, value] of VARIABLES) path = path.replace(pattern, value);
  if (path === "*" || path === "*.*") return undefined;
  path = path.replace(TRAILING_GLOB, "");
  if (path === "" || path === "~" || path.startsWith("~\\") || /^[a-z]:/.test(path)) return path;
  return word.startsWith("\\") || word.startsWith("/") ? path : undefined;
}

/** bash takes the `$env` of an unquoted or double-quoted `$env:USERPROFILE` for a variable of its own (see markers.ts); PowerShell means its env: drive. */
export function withPowerShellEnv(text: string): string {
  return ["env", "Env", "ENV"].reduce((out, name) => out.split(`${DYNAMIC}{${name}}`).join("$env"), text);
}
