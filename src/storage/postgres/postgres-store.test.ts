import { after } from 'node:test'
import { openStore } from '../store.js'
import { storeContract } from '../store.contract.js'
import { dropTestSchemas, testPostgresUrl } from './test-db.js'

const skip = process.env.NEWSGRAPH_NO_POSTGRES ? 'PostgreSQL is not available here (NEWSGRAPH_NO_POSTGRES)' : false
const schemas: string[] = []
after(() => dropTestSchemas(schemas))

storeContract('postgres', {
  skip,
  open: () => {
    const url = testPostgresUrl()
    schemas.push(url)
    return openStore(url)
  },
})
