/**
 * Levenshtein distance (insertions, deletions, substitutions, each costing 1) between two strings, counted in
 * Unicode code points, for tolerance T3 ([CHECK-5]).
 */

/**
 * The distance, or `max + 1` whenever it exceeds `max`, returned as soon as that is known (answers are short, but a pasted paragraph
 * must not cost a full quadratic table). `max` defaults to no bound.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const left = Array.from(a);
  const right = Array.from(b);
  if (Math.abs(left.length - right.length) > max) return max + 1;
  // With one side empty the distance is the other's length, which the line above already bounded.
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  let current = new Array<number>(right.length + 1).fill(0);
  for (let i = 1; i <= left.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      const value = Math.min(substitution, deletion, insertion);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later row is at least this row's minimum: stop once nothing can come back under the bound.
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  const distance = previous[right.length] ?? 0;
  return distance > max ? max + 1 : distance;
}
