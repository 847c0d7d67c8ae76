/**
 * For each item, up to `limit` others that share the most tags with it, the most recent first
 * among equals (items come newest first). Works from a tag → items index, so an archive of
 * 10,000 articles costs what their shared tags cost, not 10,000².
 */
export function relatedByTags<T>(
  items: readonly T[],
  tagsOf: (item: T) => readonly string[],
  limit = 3,
): Map<T, T[]> {
  const byTag = new Map<string, number[]>();
  items.forEach((item, index) => {
    for (const tag of new Set(tagsOf(item))) {
      const tagged = byTag.get(tag);
      if (tagged) tagged.push(index);
      else byTag.set(tag, [index]);
    }
  });
  const related = new Map<T, T[]>();
  items.forEach((item, index) => {
    const shared = new Map<number, number>();
    for (const tag of new Set(tagsOf(item))) {
      for (const other of byTag.get(tag) ?? [])
        if (other !== index) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const best = [...shared]
      .sort(([a, countA], [b, countB]) => countB - countA || a - b)
      .slice(0, limit);
    related.set(
      item,
      best.map(([other]) => items[other]!),
    );
  });
  return related;
}
