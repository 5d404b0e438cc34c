#!/usr/bin/env node
// The hardening audit: electronegativity over the sources and the built output (run `npm run build` first),
// with the one check that needs the network excluded and the Electron version given. Fails on any finding of
// medium severity or higher that docs/electronegativity-baseline.json does not list and justify.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const baseline = JSON.parse(readFileSync(join(root, 'docs/electronegativity-baseline.json'), 'utf8')).accepted

const scratch = mkdtempSync(join(tmpdir(), 'avcm-audit-'))
const report = join(scratch, 'findings.csv')
const SERIOUS = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])
try {
  execFileSync(
    process.execPath,
    [
      require.resolve('@doyensec/electronegativity/dist/index.js'),
      ...['--input', root, '--electron-version', electronVersion],
      ...['--exclude-checks', 'AvailableSecurityFixesGlobalCheck', '--relative', '--verbose', 'false'],
      ...['--output', report],
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  // Columns: issue, severity, confidence, filename, location, sample, description, url
  const findings = parseCsv(readFileSync(report, 'utf8'))
    .slice(1)
    .filter((row) => SERIOUS.has(row[1]))
    .map(([check, severity, , file, location]) => ({ check, severity, file, line: location?.split(':')[0] }))
  const counts = new Map()
  const unexplained = []
  for (const finding of findings) {
    const key = `${finding.check} ${finding.file}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
    const accepted = baseline.find(
      (entry) => entry.check === finding.check && entry.files.includes(finding.file),
    )
    if (accepted === undefined || counts.get(key) > accepted.count) unexplained.push(finding)
  }
  console.log(
    `electronegativity ${electronVersion}: ${findings.length} finding(s) of medium severity or higher, ${findings.length - unexplained.length} reviewed and justified.`,
  )
  for (const finding of unexplained) {
    console.error(`  NEW: ${finding.check} (${finding.severity}) at ${finding.file}:${finding.line}`)
  }
  if (unexplained.length > 0) {
    console.error(
      'Fix each new finding, or justify it in docs/SECURITY.md and docs/electronegativity-baseline.json.',
    )
    process.exitCode = 1
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

/** Rows of an RFC 4180 CSV text: quoted fields may hold commas, newlines and doubled quotes. */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field.trim())
      field = ''
    } else if (char === '\n') {
      row.push(field.trim())
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.trim()])
  return rows
}
