import fs from "node:fs";

/** Files Warden creates are private to the user, and so are its directories. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** O_NOFOLLOW: opening a symbolic link fails (ELOOP) instead of reading or writing where it points. */
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** Flags for reading a file, never through a link. */
export const READ_FLAGS = fs.constants.O_RDONLY | NOFOLLOW;

/** Flags for appending to a file that may not exist yet, never through a link. */
export const APPEND_FLAGS = fs.constants.O_RDWR | fs.constants.O_APPEND | fs.constants.O_CREAT | NOFOLLOW;

/** Flags for replacing a file's content, never through a link. */
export const REPLACE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | NOFOLLOW;
