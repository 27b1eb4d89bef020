// The worker alternative measured by the speed benchmark: fetch, parse and load the
// knowledge base in a worker; the page sends queries and gets hits back by postMessage.
import { KnowledgeBase } from '../../src/core/index';

let kb: KnowledgeBase | undefined;
const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage: (m: unknown) => void };

async function answer(type: string, url?: string, query?: string): Promise<object> {
  if (type === 'load') {
    kb = await KnowledgeBase.load(url!);
    return { ok: true };
  }
  return { hits: kb!.search(query!, { limit: 10 }) };
}

// A failure is sent back too: the page would otherwise wait for an answer that never comes.
scope.onmessage = (event: MessageEvent) => {
  const { type, url, query, id } = event.data as { type: string; url?: string; query?: string; id: number };
  answer(type, url, query).then(
    (result) => scope.postMessage({ id, ...result }),
    (error: unknown) => scope.postMessage({ id, error: String(error) }),
  );
};
