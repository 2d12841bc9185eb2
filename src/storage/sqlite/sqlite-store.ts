import { StoreError, type Store, type StoreOptions } from '../store.js'

export async function openSqliteStore(path: string, _opts: StoreOptions = {}): Promise<Store> {
  throw new StoreError(`sqlite:${path}`, 'the SQLite backend is being written')
}
