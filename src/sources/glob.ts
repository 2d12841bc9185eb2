/** Shell-style globs (*, **, ?, [abc], {a,b}) expanded by walking the folder tree; Node 20 has no fs.glob. */
import { readdir } from 'node:fs/promises'
import { join, sep } from 'node:path'

export function isGlob(s: string): boolean {
  return /[*?[{]/.test(s)
}

export function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++
        if (glob[i + 1] === '/') {
          i++
          re += '(?:.*/)?'
        } else re += '.*'
      } else re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const j = glob.indexOf(']', i + 1)
      if (j < 0) re += '\\['
      else {
        re += '[' + glob.slice(i + 1, j).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']'
        i = j
      }
    } else if (c === '{') {
      const j = glob.indexOf('}', i + 1)
      if (j < 0) re += '\\{'
      else {
        re += '(?:' + glob.slice(i + 1, j).split(',').map((s) => s.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|') + ')'
        i = j
      }
    } else re += /[.+^$()|\\]/.test(c) ? '\\' + c : c
  }
  return new RegExp('^' + re + '$')
}

/** Files matching a glob, sorted; hidden files and folders are skipped unless the pattern names them. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const norm = pattern.split(sep).join('/')
  const parts = norm.split('/')
  const firstGlob = parts.findIndex(isGlob)
  const base = parts.slice(0, firstGlob).join('/') || (norm.startsWith('/') ? '/' : '.')
  const re = globToRegExp(norm.startsWith('./') ? norm.slice(2) : norm)
  const deep = parts.slice(firstGlob).some((p) => p.includes('**')) || parts.length - firstGlob > 1
  const out: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue
      const p = dir === '.' ? e.name : join(dir, e.name).split(sep).join('/')
      if (e.isDirectory()) {
        if (deep) await walk(p)
      } else if (re.test(p)) out.push(p)
    }
  }
  await walk(base)
  return out.sort()
}
