// Every failure leaves the API as {"error": {"code", "message"}} with a fitting status, never a
// stack trace: the message is written for the caller, the details go to the server log.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { StoreError } from '../storage/store.js'

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface ErrorBody {
  error: { code: string; message: string }
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } }
}

/** Describes a zod failure in one line a person can act on: which parameter, what is wrong. */
export function describeZod(e: ZodError, where: string): string {
  return e.issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path.join('.')
      if (i.code === 'unrecognized_keys') return `unknown ${where} parameter(s): ${i.keys.join(', ')}`
      return path ? `${where} "${path}": ${i.message}` : `${where}: ${i.message}`
    })
    .join('; ')
}

/** StoreError `db` values that mean a bad parameter, not a broken database. */
const STORE_INPUT_ERRORS = new Set(['cursor', 'limit'])

/** Maps fastify's own errors (body parser, size limit, content type) to our codes. */
const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_request'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
}

export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof ApiError) {
    reply.code(err.status).send(errorBody(err.code, err.message))
    return
  }
  if (err instanceof ZodError) {
    reply.code(400).send(errorBody('bad_request', describeZod(err, 'input')))
    return
  }
  if (err instanceof StoreError && STORE_INPUT_ERRORS.has(err.db)) {
    // The store names the bad input (a stale cursor) in place of a database: the caller's mistake.
    reply.code(400).send(errorBody('bad_request', `${err.db}: ${err.reason}`))
    return
  }
  if (err instanceof StoreError) {
    req.log.error({ err }, 'database error')
    reply.code(503).send(errorBody('database_unavailable', 'the database cannot answer right now; see the server log'))
    return
  }
  const fe = err as FastifyError
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined
  if (mapped) {
    reply.code(mapped[0]).send(errorBody(mapped[1], fe.message))
    return
  }
  if (err instanceof SyntaxError && typeof fe.statusCode === 'number' && fe.statusCode === 400) {
    reply.code(400).send(errorBody('bad_json', 'the request body is not valid JSON'))
    return
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    reply.code(fe.statusCode).send(errorBody('bad_request', fe.message))
    return
  }
  req.log.error({ err }, 'unhandled error')
  reply.code(500).send(errorBody('internal', 'something went wrong on the server; see its log'))
}
