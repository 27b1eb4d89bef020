// The worker alternative measured by the speed benchmark: fetch, parse and load the
// knowledge base in a worker; the page sends queries and gets hits back by postMessage.
import { KnowledgeBase } from '../../src/core/index';

let kb: KnowledgeBase | undefined;
const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage: (m: unknown) => void };
scope.onmessage = async (event: MessageEvent) => {
  const { type, url, query, id } = event.data as { type: string; url?: string; query?: string; id: number };
  if (type === 'load') {
    kb = await KnowledgeBase.load(url!);
    scope.postMessage({ id, ok: true });
  } else if (type === 'search') {
    scope.postMessage({ id, hits: kb!.search(query!, { limit: 10 }) });
  }
};
