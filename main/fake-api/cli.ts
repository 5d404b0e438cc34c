import { parseArgs } from 'node:util'
import { startFakeApiVideo, type LoggedRequest } from './server'

const HELP = `Usage: npm run fake-api -- [options]

Starts a fake api.video server on this computer, for trying the app and avcm without an api.video account.

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
      console.log('Press Ctrl+C to stop.')
      const stop = () => void fake.close().then(() => process.exit(0))
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    },
    (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
  )
}

function printRequest(entry: LoggedRequest): void {
  const time = new Date(entry.at).toISOString().slice(11, 19)
  const outcome = entry.refreshOutcome === undefined ? '' : ` (refresh token ${entry.refreshOutcome})`
  console.log(`${time} ${entry.method} /${entry.route} → ${entry.result}${outcome}`)
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
