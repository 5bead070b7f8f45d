/**
 * QROCM-dep ([CHECK-9]): every field must match a DISTINCT solution group, in any order. This is a bipartite
 * matching (fields × groups), solved with augmenting paths (Kuhn): a greedy first-fit would reject
 * "A, B" when A fits groups 1 and 2 and B only group 1.
 */

/**
 * `fits[f]` lists the groups field f matches. True when every field gets its own group.
 */
export function hasDistinctAssignment(fits: readonly (readonly number[])[]): boolean {
  const groupOwner = new Map<number, number>();
  const tryAssign = (field: number, visited: Set<number>): boolean => {
    for (const group of fits[field] ?? []) {
      if (visited.has(group)) continue;
      visited.add(group);
      const owner = groupOwner.get(group);
      if (owner === undefined || tryAssign(owner, visited)) {
        groupOwner.set(group, field);
        return true;
      }
    }
    return false;
  };
  return fits.every((_, field) => tryAssign(field, new Set<number>()));
}
