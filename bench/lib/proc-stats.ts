import { readFileSync } from 'node:fs'
import { Worker } from 'node:worker_threads'

/** Linux's USER_HZ, the unit of the CPU times in /proc/<pid>/stat, on every architecture Node runs on. */
const TICKS_PER_SECOND = 100

// Plain JavaScript, run in a worker thread: its timer keeps its pace while the benchmark's own thread is
// busy sending and receiving an upload.
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads')
const { readFileSync } = require('node:fs')
const samples = []
const sample = () => {
  try {
    const found = /^VmRSS:\\s+(\\d+) kB/m.exec(readFileSync('/proc/' + workerData.pid + '/status', 'utf8'))
    if (found !== null) samples.push(Number(found[1]) * 1024)
  } catch {}
}
sample()
const timer = setInterval(sample, workerData.everyMs)
parentPort.once('message', () => {
  clearInterval(timer)
  sample()
  parentPort.postMessage(samples)
})
`

/** A running sampler of one process's resident set size. */
export interface RssSampler {
  /** Stops sampling; resolves with every sample taken, in bytes (the first at start, the last at stop). */
  stop(): Promise<number[]>
}

/** Samples `/proc/<pid>/status` VmRSS every `everyMs` from a worker thread until stopped. */
export async function sampleRss(pid: number, everyMs = 50): Promise<RssSampler> {
  const worker = new Worker(SAMPLER, { eval: true, workerData: { pid, everyMs } })
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve)
    worker.once('error', reject)
  })
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        worker.once('message', (samples: number[]) => {
          void worker.terminate()
          resolve(samples)
        })
        worker.once('error', reject)
        worker.postMessage('stop')
      }),
  }
}

/** Bytes to MiB. */
export function mib(bytes: number): number {
  return bytes / (1024 * 1024)
}

/** CPU time (user + system) process `pid` has used so far, in ms, from `/proc/<pid>/stat`. */
export function cpuMsOf(pid: number): number {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in ticks.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * (1000 / TICKS_PER_SECOND)
}
