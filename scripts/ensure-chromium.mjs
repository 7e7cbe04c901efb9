#!/usr/bin/env node
// The HTML report's browser test needs a real Chromium, and no browser can be downloaded by a
// test tool here: Debian's chromium package is used. On a fresh machine where we are root with
// apt-get, install it; otherwise say why the browser test will be skipped. Never fails the run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
if (fs.existsSync(CHROMIUM)) process.exit(0);
const canInstall = process.platform === "linux" && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
if (!canInstall) {
  console.warn(
    `ensure-chromium: ${CHROMIUM} is missing and cannot be installed here (needs root and apt-get); the HTML report's browser test will be skipped`,
  );
  process.exit(0);
}
console.log("ensure-chromium: installing Debian's chromium for the HTML report's browser test");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
for (const args of [
  ["update", "-qq"],
  ["install", "-y", "-qq", "chromium"],
]) {
  const result = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) {
    console.warn(`ensure-chromium: apt-get ${args.join(" ")} failed (${result.status}); the browser test will be skipped`);
    process.exit(0);
  }
}
