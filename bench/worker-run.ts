/**
 * Runs one exported function of a bench module in a worker thread and returns its result. jsdom
 * and Defuddle keep memory a page that a long run never gets back; a thread's heap is freed with
 * the thread, so benches measure their pages in chunks, one thread a chunk.
 */
import { Worker } from 'node:worker_threads';

export function runInWorker<R>(moduleUrl: string, exportName: string, job: unknown): Promise<R> {
  return new Promise((resolveResult, reject) => {
    // A worker does not inherit tsx's loader: it registers it, then loads the module.
    const boot = `Promise.all([import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}), import('node:worker_threads')])
      .then(async ([tsx, threads]) => {
        tsx.register();
        const module = await import(${JSON.stringify(moduleUrl)});
        threads.parentPort.postMessage(await module[${JSON.stringify(exportName)}](threads.workerData));
      })`;
    const worker = new Worker(boot, { eval: true, workerData: job });
    let result: R | undefined;
    let answered = false;
    worker.once('message', (message: R) => {
      result = message;
      answered = true;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (answered) resolveResult(result as R);
      else reject(new Error(`${exportName} in a worker exited with ${code} before answering`));
    });
  });
}
