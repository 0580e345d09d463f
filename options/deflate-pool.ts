import type { DeflateReply, DeflateRequest } from './deflate-worker.ts';

/** Raw deflate of one file's bytes: in workers when the page has them, else on the page itself. */
export type Deflate = (data: Uint8Array, level: number) => Promise<Uint8Array<ArrayBuffer>>;

export interface DeflatePool {
  deflate: Deflate;
  close(): void;
}

/**
 * A few deflate workers (one per core, up to four: the page itself mostly waits meanwhile). The
 * files asked for in one turn of the event loop (an export batch) are shared out among the workers,
 * one message each. Input buffers are transferred (not copied) to the workers and the output
 * transferred back, so a file's bytes exist once in memory. Returns null where module workers
 * cannot be started; the caller then deflates on the page.
 */
export function createDeflatePool(size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))): DeflatePool | null {
  if (typeof Worker !== 'function') return null;
  let workers: Worker[];
  try {
    workers = Array.from({ length: size }, () => new Worker(new URL('./deflate-worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    return null;
  }
  const pending = new Map<number, { resolve: (data: Uint8Array<ArrayBuffer>) => void; reject: (err: Error) => void }>();
  const queue = new Map<number, { id: number; data: Uint8Array; level: number }[]>();
  let next = 0;
  let scheduled = false;

  const failAll = (message: string) => {
    for (const waiting of pending.values()) waiting.reject(new Error(message));
    pending.clear();
  };

  for (const worker of workers) {
    worker.onmessage = ({ data: reply }: MessageEvent<DeflateReply>) => {
      for (const item of reply.items) {
        const waiting = pending.get(item.id);
        if (!waiting) continue;
        pending.delete(item.id);
        if (item.data) waiting.resolve(item.data);
        else waiting.reject(new Error(item.error ?? 'the deflate worker failed'));
      }
    };
    // A worker that cannot run at all fails every file still waiting: the export reports it.
    worker.onerror = (event) => failAll(event.message || 'the deflate worker could not start');
  }

  function flush(): void {
    scheduled = false;
    for (const [index, items] of queue) {
      // One level per message; an export uses one level throughout, so this is one message.
      for (const level of new Set(items.map((item) => item.level))) {
        const group = items.filter((item) => item.level === level);
        const request: DeflateRequest = { level, items: group.map(({ id, data }) => ({ id, data })) };
        workers[index]!.postMessage(request, group.map(({ data }) => data.buffer));
      }
    }
    queue.clear();
  }

  return {
    deflate(data, level) {
      const id = next++;
      const index = id % workers.length;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const list = queue.get(index) ?? [];
        list.push({ id, data, level });
        queue.set(index, list);
        if (!scheduled) {
          scheduled = true;
          queueMicrotask(flush);
        }
      });
    },
    close() {
      for (const worker of workers) worker.terminate();
      queue.clear();
      failAll('the export was stopped');
    },
  };
}
