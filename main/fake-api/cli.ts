import { parseArgs } from 'node:util'
import { startFakeApiVideo, type LoggedRequest } from './server'

const HELP = `Usage: npm run fake-api -- [options]

Starts a fake api.video server on this computer, for trying the app and avcm without an api.video account.

Routes, shaped as api.video's:
  POST /auth/api-key                 sign in: {"apiKey": …} gives an access and a refresh token
  POST /auth/refresh                 {"refreshToken": …}; each refresh token works once
  GET  /videos                       the project's videos, paginated (currentPage, pageSize 10-100)
  POST /videos                       create a video: {"title": …} (201)
  GET  /videos/<videoId>             one video
  POST /videos/<videoId>/source      upload its source: multipart/form-data, Content-Length or chunked,
                                     streamed (never held in memory); Content-Range "part N/M" or
                                     "bytes A-B/T" for progressive uploads. The 201 answer adds "received":
                                     the bytes and SHA-256 of the raw body, of the file part and of the
                                     whole source once its last part arrived.
The video routes take the API key as HTTP Basic auth (user name = key, empty password) or a bearer access
token; reads are limited per minute like the sandbox's (429 with X-RateLimit-* headers).

Options:
  --port <n>             port to listen on (default: any free port)
  --api-key <key>        the API key it accepts (default: a random one, printed)
  --token-lifetime <s>   access-token lifetime in seconds (default 3600)
  --reject-status <n>    400 (as the OpenAPI spec says) or 401 (as the error pages say); default 400
  --problem-json         send errors as application/problem+json
  --quiet                do not print each request
  -h, --help             show this help`

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'api-key': { type: 'string' },
      'token-lifetime': { type: 'string' },
      'reject-status': { type: 'string' },
      'problem-json': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) {
    console.log(HELP)
    return
  }
  const port = wholeNumber(values.port, 'port', 0, 65_535) ?? 0
  const lifetime = wholeNumber(values['token-lifetime'], 'token-lifetime', 1, 86_400) ?? 3600
  const reject = wholeNumber(values['reject-status'], 'reject-status', 400, 401) ?? 400
  const apiKey = values['api-key']
  startFakeApiVideo({
    port,
    accessTokenLifetimeSeconds: lifetime,
    rejectStatus: reject === 401 ? 401 : 400,
    errorContentType: values['problem-json'] === true ? 'application/problem+json' : 'application/json',
    ...(apiKey === undefined ? {} : { apiKeys: [apiKey] }),
    ...(values.quiet === true ? {} : { onRequest: printRequest }),
  }).then(
    (fake) => {
      console.log(`Fake api.video listening on ${fake.url}`)
      console.log(`Demo API key: ${fake.apiKey}`)
      console.log(
        `Try: curl -s -X POST ${fake.url}/auth/api-key -H 'Content-Type: application/json' -d '{"apiKey":"${fake.apiKey}"}'`,
      )
      console.log(`     curl -s -u '${fake.apiKey}:' ${fake.url}/videos`)
      console.log(
        `     curl -s -u '${fake.apiKey}:' ${fake.url}/videos -H 'Content-Type: application/json' -d '{"title":"Mine"}'`,
      )
      console.log(`     curl -s -u '${fake.apiKey}:' -F file=@clip.mp4 ${fake.url}/videos/<videoId>/source`)
      console.log('Press Ctrl+C to stop.')
      const stop = () => void fake.close().then(() => process.exit(0))
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    },
    (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
  )
}

/** One line per request; it names the auth scheme, never a credential. */
function printRequest(entry: LoggedRequest): void {
  const time = new Date(entry.at).toISOString().slice(11, 19)
  const outcome = entry.refreshOutcome === undefined ? '' : ` (refresh token ${entry.refreshOutcome})`
  const auth = entry.auth === 'none' ? '' : ` [${entry.auth}]`
  const file = entry.upload?.file
  const upload =
    file === undefined
      ? ''
      : ` (${(file.bytes / 1024 / 1024).toFixed(1)} MiB, sha256 ${file.sha256.slice(0, 12)}…` +
        `${entry.upload?.contentRange === undefined ? '' : `, ${entry.upload.contentRange}`})`
  console.log(`${time} ${entry.method} ${entry.path}${auth} → ${entry.result}${outcome}${upload}`)
}

function wholeNumber(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be a whole number from ${min} to ${max}.`)
  return n
}

function fail(message: string): never {
  console.error(`fake-api: ${message}`)
  process.exit(1)
}

main()
