import type { KnowledgeBase } from '../../core/index';
import { closestNames } from '../../core/text/closest';

/** Ids already reported on this page: one warning per id, however many elements name it. */
const reported = new Set<string>();

/**
 * Tells the developer, in the console, that `where` (`<kb-tip article>`, `<kb-article
 * article-id>`, `openArticle()`) names an article the knowledge base lacks, with the closest
 * ids it has: a typo or a renamed file shows at once. Once per id. The user sees "not found".
 */
export function warnUnknownArticle(kb: KnowledgeBase, id: string, where: string): void {
  if (reported.has(id)) return;
  reported.add(id);
  const closest = closestNames(
    id,
    kb.articles().map((a) => a.id),
  );
  const hint = closest.length ? ` The closest ids: ${closest.map((c) => JSON.stringify(c)).join(', ')}.` : '';
  console.warn(`kb-elements: ${where} names the article ${JSON.stringify(id)}, which the knowledge base does not have.${hint}`);
}
