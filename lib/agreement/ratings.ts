/**
 * Ratings of any number of raters on any number of units, held as one Int32Array of
 * category codes: the form every many-rater coefficient here reads.
 */
/** Marker for a missing rating in category-code arrays. */
export const MISSING = -1;

export interface RatingMatrix {
  unitIds: string[];
  raterIds: string[];
  /** Category labels; ascending by value when every label is a number. */
  categories: string[];
  /** The number each category stands for, or null when some label is not a number. */
  categoryValues: Float64Array | null;
  /** codes[unit * raterIds.length + rater] = category index, or MISSING. */
  codes: Int32Array;
}

/** A (unit, rater) pair rated twice: both ratings' tags (line numbers when read from a file). */
export interface DuplicateRating {
  unit: string;
  rater: string;
  tags: [number, number];
}

const numericLabel = (label: string): number | null => {
  if (label === '') return null;
  const x = Number(label);
  return Number.isFinite(x) ? x : null;
};

/**
 * Collects (unit, rater, value) triples in arrival order and turns them into a RatingMatrix.
 * Ids and labels are interned once, so a million rows cost three Map look-ups each.
 */
export class RatingMatrixBuilder {
  private readonly units = new Map<string, number>();
  private readonly raters = new Map<string, number>();
  private readonly labels = new Map<string, number>();
  private unitOf = new Int32Array(1024);
  private raterOf = new Int32Array(1024);
  private labelOf = new Int32Array(1024);
  private tagOf = new Int32Array(1024);
  private size = 0;
  /** Non-missing ratings per rater, in rater order. */
  readonly valuesPerRater: number[] = [];
  /** Tag of each rater's first row, in rater order. */
  readonly firstTagOfRater: number[] = [];
  /** Tag of each value label's first row, in label order. */
  readonly firstTagOfLabel: number[] = [];

  private static intern(map: Map<string, number>, key: string): number {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  }

  /** Adds one rating; `value` null or blank means missing. `tag` is echoed in problems (e.g. a line number). */
  add(unit: string, rater: string, value: string | null, tag = 0): void {
    if (this.size === this.unitOf.length) this.grow();
    const raterId = RatingMatrixBuilder.intern(this.raters, rater);
    if (raterId === this.valuesPerRater.length) {
      this.valuesPerRater.push(0);
      this.firstTagOfRater.push(tag);
    }
    const label = value === null ? '' : value.trim();
    let labelId = MISSING;
    if (label !== '') {
      labelId = RatingMatrixBuilder.intern(this.labels, label);
      if (labelId === this.firstTagOfLabel.length) this.firstTagOfLabel.push(tag);
      this.valuesPerRater[raterId]!++;
    }
    this.unitOf[this.size] = RatingMatrixBuilder.intern(this.units, unit);
    this.raterOf[this.size] = raterId;
    this.labelOf[this.size] = labelId;
    this.tagOf[this.size] = tag;
    this.size++;
  }

  private grow(): void {
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.unitOf = bigger(this.unitOf);
    this.raterOf = bigger(this.raterOf);
    this.labelOf = bigger(this.labelOf);
    this.tagOf = bigger(this.tagOf);
  }

  get rowCount(): number {
    return this.size;
  }
  get raterIds(): string[] {
    return [...this.raters.keys()];
  }
  get labelList(): string[] {
    return [...this.labels.keys()];
  }

  build(): { matrix: RatingMatrix; duplicates: DuplicateRating[] } {
    const unitIds = [...this.units.keys()];
    const raterIds = this.raterIds;
    const labels = this.labelList;
    const { categories, categoryValues, categoryOfLabel } = categoriesOf(labels);
    const nRaters = raterIds.length;
    const codes = new Int32Array(unitIds.length * nRaters).fill(MISSING);
    // Which row filled each cell, to name both rows of a duplicate.
    const rowOfCell = new Int32Array(codes.length).fill(-1);
    const duplicates: DuplicateRating[] = [];
    for (let row = 0; row < this.size; row++) {
      const cell = this.unitOf[row]! * nRaters + this.raterOf[row]!;
      const earlier = rowOfCell[cell]!;
      if (earlier >= 0) {
        duplicates.push({ unit: unitIds[this.unitOf[row]!]!, rater: raterIds[this.raterOf[row]!]!, tags: [this.tagOf[earlier]!, this.tagOf[row]!] });
        continue;
      }
      rowOfCell[cell] = row;
      const label = this.labelOf[row]!;
      codes[cell] = label === MISSING ? MISSING : categoryOfLabel[label]!;
    }
    return { matrix: { unitIds, raterIds, categories, categoryValues, codes }, duplicates };
  }
}

/**
 * Orders the labels into categories. When every label is a number, labels with the same
 * value ("1" and "1.0") are one category and categories ascend by value; data coded 0/1
 * always get both categories, so a behaviour nobody saw still has two (0 and 1).
 */
function categoriesOf(labels: string[]): { categories: string[]; categoryValues: Float64Array | null; categoryOfLabel: Int32Array } {
  const values = labels.map(numericLabel);
  if (labels.length > 0 && values.every((v) => v !== null)) {
    const distinct = [...new Set(values as number[])];
    if (distinct.every((v) => v === 0 || v === 1)) distinct.push(0, 1);
    const sorted = [...new Set(distinct)].sort((x, y) => x - y);
    const index = new Map(sorted.map((v, i) => [v, i]));
    return {
      categories: sorted.map(String),
      categoryValues: Float64Array.from(sorted),
      categoryOfLabel: Int32Array.from(values as number[], (v) => index.get(v)!),
    };
  }
  const sorted = [...labels].sort();
  const index = new Map(sorted.map((l, i) => [l, i]));
  return { categories: sorted, categoryValues: null, categoryOfLabel: Int32Array.from(labels, (l) => index.get(l)!) };
}

/** A RatingMatrix from a units × raters table (rows = units); null, undefined, NaN and '' are missing. */
export function ratingMatrixFromTable(table: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): RatingMatrix {
  const builder = new RatingMatrixBuilder();
  const nRaters = Math.max(0, ...table.map((row) => row.length));
  table.forEach((row, u) => {
    for (let r = 0; r < nRaters; r++) {
      const v = row[r];
      const missing = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
      builder.add(`u${u + 1}`, `r${r + 1}`, missing ? null : String(v));
    }
  });
  return builder.build().matrix;
}

/** Number of units and raters. */
export const dimensions = (m: RatingMatrix) => ({ nUnits: m.unitIds.length, nRaters: m.raterIds.length });

/**
 * Calls `visit(unit, codes, count)` for each unit with at least `minRatings` ratings;
 * `codes[0…count)` holds that unit's non-missing category codes (a scratch array, reused).
 */
export function forEachUnit(m: RatingMatrix, minRatings: number, visit: (unit: number, codes: Int32Array, count: number) => void): void {
  const { nUnits, nRaters } = dimensions(m);
  const scratch = new Int32Array(nRaters);
  for (let u = 0; u < nUnits; u++) {
    let count = 0;
    for (let r = 0; r < nRaters; r++) {
      const code = m.codes[u * nRaters + r]!;
      if (code !== MISSING) scratch[count++] = code;
    }
    if (count >= minRatings) visit(u, scratch, count);
  }
}
