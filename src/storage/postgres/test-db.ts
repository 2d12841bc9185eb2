// Fresh PostgreSQL schemas for tests, so parallel runs never see each other's rows.
/** Base URL of the test database; NEWSGRAPH_TEST_PG overrides it. */
export const TEST_PG = process.env.NEWSGRAPH_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test'

let n = 0
export function testPostgresUrl(): string {
  const schema = `ng_test_${process.pid}_${Date.now().toString(36)}_${n++}`
  return `${TEST_PG}${TEST_PG.includes('?') ? '&' : '?'}schema=${schema}`
}

export async function dropTestSchemas(urls: string[]): Promise<void> {
  if (!urls.length) return
  const pg = (await import('pg')).default
  const c = new pg.Client({ connectionString: TEST_PG })
  await c.connect()
  try {
    for (const u of urls) {
      const schema = new URL(u).searchParams.get('schema')
      if (schema) await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    }
  } finally {
    await c.end()
  }
}
