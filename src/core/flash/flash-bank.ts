/**
 * An item bank indexed once for selection: parameters in typed arrays, tubes and competences as small
 * integers, ids in a map. Selection then scans arrays instead of objects, which keeps the next item on a
 * 10,000-item bank well under the 3 ms budget ([FLASH-14]); nothing here is rebuilt per call.
 */
import { hashSeed } from '../random.ts';
import { COMPETENCE_IDS, isCompetenceId } from '../referential.ts';
import type { CompetenceId } from '../referential.ts';
import type { FlashItem } from './flash-item.ts';
import { isSupportedItem, MAX_ABS_DIFFICULTY, MAX_DISCRIMINATION } from './irt.ts';

export interface FlashBank {
  readonly items: readonly FlashItem[];
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** Tube index of each item (0 … tubeCount − 1). */
  readonly tube: Int32Array;
  /** Competence index of each item: its position in COMPETENCE_IDS (0 … 15). */
  readonly competence: Uint8Array;
  /** 1 when the item needs the Internet. */
  readonly requiresInternet: Uint8Array;
  /** Sympson–Hetter eligibility probability of each item, in (0, 1]. */
  readonly eligibility: Float64Array;
  /** 32-bit hash of each item id: the per-candidate eligibility draw mixes it with the seed. */
  readonly idHash: Uint32Array;
  /**
   * Item indexes by decreasing a (ties: bank order). Information never exceeds a²/4, so a scan in this
   * order can stop at the first item whose a²/4 cannot beat the best found.
   */
  readonly byDiscrimination: Int32Array;
  readonly tubeCount: number;
  readonly indexById: ReadonlyMap<string, number>;
}

/** A bank that cannot be indexed: the message names the first offending item. */
export class InvalidBankError extends Error {
  override readonly name = 'InvalidBankError';
}

/** Index a list of items. Throws InvalidBankError on duplicate ids, bad parameters or a tube in two competences. */
export function createFlashBank(items: readonly FlashItem[]): FlashBank {
  const n = items.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const tube = new Int32Array(n);
  const competence = new Uint8Array(n);
  const requiresInternet = new Uint8Array(n);
  const eligibility = new Float64Array(n);
  const idHash = new Uint32Array(n);
  const indexById = new Map<string, number>();
  const tubeIndex = new Map<string, number>();
  const tubeCompetence: number[] = [];

  items.forEach((item, i) => {
    const where = `item "${item.id}"`;
    if (indexById.has(item.id)) throw new InvalidBankError(`duplicate item id "${item.id}"`);
    if (!isSupportedItem(item.a, item.b)) {
      throw new InvalidBankError(`${where}: needs 0 < a ≤ ${MAX_DISCRIMINATION} and |b| ≤ ${MAX_ABS_DIFFICULTY}`);
    }
    if (!isCompetenceId(item.competenceId)) {
      throw new InvalidBankError(`${where}: unknown competence "${String(item.competenceId)}"`);
    }
    const k = item.eligibility ?? 1;
    if (!(k > 0 && k <= 1)) throw new InvalidBankError(`${where}: eligibility must be in (0, 1]`);
    const c = competenceIndex(item.competenceId);
    let t = tubeIndex.get(item.tubeId);
    if (t === undefined) {
      t = tubeCompetence.length;
      tubeIndex.set(item.tubeId, t);
      tubeCompetence.push(c);
    } else if (tubeCompetence[t] !== c) {
      throw new InvalidBankError(`tube "${item.tubeId}" belongs to two competences`);
    }
    indexById.set(item.id, i);
    a[i] = item.a;
    b[i] = item.b;
    tube[i] = t;
    competence[i] = c;
    requiresInternet[i] = item.requiresInternet === true ? 1 : 0;
    eligibility[i] = k;
    idHash[i] = hashSeed(item.id);
  });

  return {
    items,
    a,
    b,
    tube,
    competence,
    requiresInternet,
    eligibility,
    idHash,
    byDiscrimination: Int32Array.from(items.keys()).sort((i, j) => (a[j] ?? 0) - (a[i] ?? 0) || i - j),
    tubeCount: tubeCompetence.length,
    indexById,
  };
}

/** Position of a competence in COMPETENCE_IDS (0 … 15). */
export function competenceIndex(id: CompetenceId): number {
  return COMPETENCE_IDS.indexOf(id);
}
