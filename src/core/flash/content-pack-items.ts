/**
 * From a compiled content pack to flash items: one item per challenge, its tube and competence found
 * through its skill ([FLASH-1]). The IRT parameters are the challenge's `irt` (FORMAT.md gives the
 * defaults the build fills in).
 */
import type { ContentPack } from '../content/types.ts';
import { InvalidBankError } from './flash-bank.ts';
import type { FlashItem } from './flash-item.ts';

/**
 * `eligibility` is the exposure table calibrated for this pack (challenge id → K, [FLASH-11]): by default the
 * one the pack carries (`pack.exposure`, from content/exposure.json), so the worker and the relay select with
 * the same K. A challenge it does not list gets K = 1 (no exposure control until the next calibration).
 */
export function flashItemsFromPack(
  pack: ContentPack,
  eligibility: Readonly<Record<string, number>> = pack.exposure?.eligibility ?? {},
): FlashItem[] {
  const skills = new Map(pack.skills.map((skill) => [skill.id, skill]));
  const tubes = new Map(pack.tubes.map((tube) => [tube.id, tube]));
  return pack.challenges.map((challenge) => {
    const skill = skills.get(challenge.skillId);
    if (!skill) throw new InvalidBankError(`challenge "${challenge.id}": unknown skill "${challenge.skillId}"`);
    const tube = tubes.get(skill.tubeId);
    if (!tube) throw new InvalidBankError(`skill "${skill.id}": unknown tube "${skill.tubeId}"`);
    const k = eligibility[challenge.id];
    return {
      id: challenge.id,
      a: challenge.irt.a,
      b: challenge.irt.b,
      competenceId: tube.competenceId,
      tubeId: tube.id,
      ...(challenge.requiresInternet ? { requiresInternet: true } : {}),
      ...(k !== undefined && k < 1 ? { eligibility: k } : {}),
    } satisfies FlashItem;
  });
}
