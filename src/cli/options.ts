/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

export function parseChoice(flag: string, value: string, choices: string[]): string {
  if (!choices.includes(value)) throw new UsageError(`${flag} must be one of ${choices.join(', ')} (got "${value}")`)
  return value
}

export function parseIsoDate(flag: string, value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value)
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new UsageError(`${flag} must be a date YYYY-MM-DD (got "${value}")`)
  return `${m[1]}-${m[2]}-${m[3]}`
}

export function parsePositiveInt(flag: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number (got "${value}")`)
  return n
}
