import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let root: string | undefined

/** The package root (where package.json lives), from both src/ (tsx) and dist/src/ (compiled). */
export function packageRoot(): string {
  if (root) return root
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('newsgraph: cannot find the package root (no package.json above ' + import.meta.url + ')')
    dir = up
  }
  root = dir
  return dir
}

export function fromRoot(...parts: string[]): string {
  return join(packageRoot(), ...parts)
}
