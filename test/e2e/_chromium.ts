/**
 * Where Debian's Chromium is and the flags it runs with here: headless, and with the background networking that
 * this machine's closed network would refuse switched off. Shared by the e2e harness and bench/page-load.ts.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
