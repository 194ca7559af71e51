import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DigestError } from '../errors.ts';
import type { ExtractJob, ExtractReply, ExtractValue } from './extract-protocol.ts';

/** Options of an ExtractPool; all optional. */
export interface ExtractPoolOptions {
  /** Worker threads at most. Default: 2 with three or more cores, else 1 (a core stays with the event loop). */
  size?: number;
  /** An idle worker is stopped after this long, in ms (it is started again when work comes). Default 30 000. */
  idleMs?: number;
  /** Heap of each worker, in MB: past it the worker dies and only its page fails (EXTRACT_FAILED). Default 256. */
  heapMb?: number;
}

interface Pending {
  job: ExtractJob;
  timeoutMs: number;
  resolve: (value: ExtractValue) => void;
  reject: (error: DigestError) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | null;
  id: number;
  timer?: NodeJS.Timeout;
}

/**
 * Worker threads that extract articles from HTML, reused from page to page. Each job has a
 * deadline from the moment a worker takes it: past it that worker is terminated (the only way
 * to stop synchronous work), the job fails with EXTRACT_TIMEOUT, and a fresh worker takes the
 * next job. An idle worker does not keep the process alive.
 */
export class ExtractPool {
  readonly #slots = new Set<Slot>();
  readonly #queue: Pending[] = [];
  readonly #size: number;
  readonly #idleMs: number;
  readonly #heapMb: number;
  #nextId = 1;

  constructor(options: ExtractPoolOptions = {}) {
    this.#size = Math.max(1, options.size ?? Math.min(2, availableParallelism() - 1));
    this.#idleMs = options.idleMs ?? 30_000;
    this.#heapMb = options.heapMb ?? 256;
  }

  /** Runs one job on a worker; rejects with the job's DigestError, EXTRACT_TIMEOUT or EXTRACT_FAILED. */
  run(job: ExtractJob, timeoutMs: number): Promise<ExtractValue> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, timeoutMs, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every worker; jobs not finished fail with EXTRACT_FAILED. */
  async close(): Promise<void> {
    const stopped = new DigestError('EXTRACT_FAILED', 'article extraction was stopped (shutting down)');
    for (const pending of this.#queue.splice(0)) pending.reject(stopped);
    await Promise.all([...this.#slots].map((slot) => this.#discard(slot, stopped)));
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      const next = slot.ready && !slot.current ? this.#queue.shift() : undefined;
      if (next) this.#start(slot, next);
    }
    const starting = [...this.#slots].filter((slot) => !slot.ready).length;
    for (let n = this.#queue.length - starting; n > 0 && this.#slots.size < this.#size; n--) this.#spawn();
  }

  #start(slot: Slot, pending: Pending): void {
    slot.current = pending;
    slot.id = this.#nextId++;
    clearTimeout(slot.timer);
    slot.worker.ref();
    slot.worker.postMessage({ id: slot.id, job: pending.job });
    slot.timer = setTimeout(() => {
      const error = new DigestError(
        'EXTRACT_TIMEOUT',
        `${pending.job.source}: extracting the article took longer than ${pending.timeoutMs} ms; stopped`,
        { data: { url: pending.job.source, timeoutMs: pending.timeoutMs } },
      );
      void this.#discard(slot, error).then(() => this.#dispatch());
    }, pending.timeoutMs);
  }

  #spawn(): void {
    const worker = startWorker(this.#heapMb);
    const slot: Slot = { worker, ready: false, current: null, id: 0 };
    this.#slots.add(slot);
    worker.on('message', (reply: ExtractReply) => this.#receive(slot, reply));
    worker.on('error', (error) => this.#crash(slot, describeCrash(error, this.#heapMb)));
    worker.on('exit', (code) => this.#crash(slot, `the extraction worker exited (code ${code})`));
  }

  #receive(slot: Slot, reply: ExtractReply): void {
    if (reply.type === 'ready') slot.ready = true;
    else if (slot.current && reply.id === slot.id) {
      const pending = slot.current;
      slot.current = null;
      if (reply.type === 'done') pending.resolve(reply.value);
      else pending.reject(new DigestError(reply.error.code, reply.error.message, { data: reply.error.data }));
    }
    this.#dispatch();
    if (!slot.current && this.#slots.has(slot)) this.#rest(slot);
  }

  /** An idle worker lets the process exit, and stops after idleMs. */
  #rest(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.worker.unref();
    slot.timer = setTimeout(() => void this.#discard(slot, null), this.#idleMs);
    slot.timer.unref();
  }

  #crash(slot: Slot, reason: string): void {
    if (!this.#slots.has(slot)) return;
    const source = slot.current?.job.source;
    void this.#discard(slot, new DigestError('EXTRACT_FAILED', source ? `${source}: ${reason}` : reason));
    // A worker that cannot even start fails the same way for every job waiting.
    if (!slot.ready) {
      for (const pending of this.#queue.splice(0)) {
        pending.reject(new DigestError('EXTRACT_FAILED', `${pending.job.source}: ${reason}`));
      }
    }
    this.#dispatch();
  }

  async #discard(slot: Slot, error: DigestError | null): Promise<void> {
    if (!this.#slots.delete(slot)) return;
    clearTimeout(slot.timer);
    if (slot.current && error) slot.current.reject(error);
    slot.current = null;
    await slot.worker.terminate();
  }
}

/**
 * A worker running extract-worker: the bundled .js beside this chunk in dist/, or the
 * TypeScript source under tsx and vitest, where tsx's loader is registered inside the worker
 * first (tsx registers itself only in the main thread on Node 20).
 */
function startWorker(heapMb: number): Worker {
  const options = { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./extract-worker.js', import.meta.url), options);
  const tsxPackage = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = new URL('dist/esm/api/index.mjs', tsxPackage).href;
  const entry = new URL('./extract-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

function describeCrash(error: Error, heapMb: number): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `the page needed more than the extraction worker's ${heapMb} MB heap`;
  return `the extraction worker failed: ${error.message}`;
}
