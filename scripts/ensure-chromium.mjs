// The end-to-end tests drive Debian's chromium through playwright-core (never `npx playwright
// install`, which downloads browsers from outside the package registries). Installs it when missing.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM = process.env.NEWSGRAPH_CHROMIUM ?? '/usr/bin/chromium'

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    console.error(`ensure-chromium: no browser at ${CHROMIUM} and no apt-get here; browser tests will be skipped (set NEWSGRAPH_CHROMIUM to a Chromium binary)`)
    return false
  }
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo '
  console.error('ensure-chromium: installing Debian chromium for the browser tests')
  try {
    execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq --no-install-recommends chromium`, { stdio: 'inherit' })
  } catch (e) {
    console.error('ensure-chromium: could not install chromium:', e.message)
  }
  return existsSync(CHROMIUM)
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureChromium() ? 0 : 1)
