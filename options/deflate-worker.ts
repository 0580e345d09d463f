// A worker that deflates article files for the export zip, so that compressing a whole library
// runs beside the page (on as many cores as there are workers) instead of freezing it.
// fflate's own async classes start workers from blob: URLs, which the extension's CSP forbids;
// this one is a file of the extension, which 'self' allows.
import { deflateSync } from 'fflate';

/** Several files in one message: a message per 8 KB file would cost more than deflating it. */
export interface DeflateRequest {
  level: number;
  items: { id: number; data: Uint8Array }[];
}

export interface DeflateReply {
  items: { id: number; data?: Uint8Array<ArrayBuffer>; error?: string }[];
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<DeflateRequest>) => void) | null; postMessage: (reply: DeflateReply, transfer: Transferable[]) => void };

scope.onmessage = ({ data: { level, items } }) => {
  const reply: DeflateReply = { items: [] };
  const transfer: Transferable[] = [];
  for (const { id, data } of items) {
    try {
      const out = deflateSync(data, { level: level as 6 });
      reply.items.push({ id, data: out });
      transfer.push(out.buffer);
    } catch (err) {
      reply.items.push({ id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  scope.postMessage(reply, transfer);
};
