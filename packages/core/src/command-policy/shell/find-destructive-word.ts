/**
 * A last look at a command the scanner could not parse: does its text name a program that destroys
 * data (`rm -r`, `mkfs`, `dd of=`, `find -delete`, `shred`, `rmtree`)? The parse failed, so what the
 * words mean is unknown; bash may still run it (its grammar is not the scanner's), so such a command
 * is not allowed silently.
 */

const DESTRUCTIVE: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: "rm -r", pattern: /(?:^|[\s;&|(`'"])rm\s+(?:-{1,2}[\w-]*\s+)*(?:-[a-zA-Z]*[rR][a-zA-Z]*|--recursive)\b/ },
  { name: "mkfs", pattern: /\b(?:mkfs(?:\.\w+)?|mke2fs|newfs|wipefs|sfdisk|fdisk|parted|sgdisk)\b/ },
  { name: "dd of=", pattern: /\bdd\b[^\n]*\bof=/ },
  { name: "find -delete", pattern: /\bfind\b[^\n]*\s-delete\b/ },
  { name: "shred", pattern: /\bshred\b/ },
  { name: "rmtree", pattern: /\b(?:rmtree|rm_rf|rmSync|rimraf)\b/ },
  { name: "raw disk write", pattern: />\s*\/dev\/(?:sd|hd|vd|xvd|nvme|disk|mmcblk)/ },
];

/** The destructive program the text names, if any. */
export function findDestructiveWord(text: string): string | undefined {
  return DESTRUCTIVE.find((d) => d.pattern.test(text))?.name;
}
