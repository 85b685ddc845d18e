// Installs Debian's Firefox ESR when it is missing, so `npm test` runs the Firefox end-to-end test on a
// fresh machine. Never downloads a browser from anywhere else.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const FIREFOX = '/usr/bin/firefox-esr';

if (!existsSync(FIREFOX)) {
  if (process.getuid?.() !== 0) {
    console.error(`Firefox ESR is missing (${FIREFOX}). Install it with: sudo apt-get install -y firefox-esr`);
    process.exit(1);
  }
  console.log('Installing Debian firefox-esr (about a minute)…');
  const apt = (...args) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  apt('update', '-qq');
  apt('install', '-y', '-qq', 'firefox-esr');
}
