import { redactUrl, StoreError, type Store, type StoreOptions } from '../store.js'

export async function openPostgresStore(url: string, _opts: StoreOptions = {}): Promise<Store> {
  throw new StoreError(redactUrl(url), 'the PostgreSQL backend is being written')
}
