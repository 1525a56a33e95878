// An in-memory index of a fund's core names, for finding alike names for many records at once. It
// answers what match-store.ts asks PostgreSQL one record at a time (`name_core % ?` ordered by
// similarity, then id, at most NAME_CANDIDATE_LIMIT), computed the way pg_trgm computes it (its
// trigrams, its single-precision similarity), so the answers are the same records. pg_trgm's GIN index
// reads every posting of every trigram of the name, which for names of common words ("Centre Project")
// is a hundred thousand entries in a million records; here only the rarest trigrams are read (a name
// sharing none of them cannot reach the threshold) and each candidate is verified exactly.

import { trigrams } from './similarity.ts';

/** One record the index returns, with the pg_trgm similarity of its core name to the query's. */
export interface AlikeName {
  recordId: string;
  similarity: number;
  /** The record's normalised postcode, so that namesakes can be ranked by place before any is read. */
  postcode: string | null;
}

export class NameIndex {
  private readonly coreIds = new Map<string, number>();
  private readonly coreRecords: string[][] = [];
  /** Each record's postcode, beside its id in coreRecords; one string for each distinct postcode. */
  private readonly corePostcodes: (string | null)[][] = [];
  private readonly postcodes = new Map<string, string>();
  /** Every record id in order (as added: a fund's names are read in id order), and its postcode, for `postcodeOf`. */
  private recordIds: string[] = [];
  private recordPostcodes: (string | null)[] = [];
  private readonly trigramIds = new Map<string, number>();
  /** Each core name's trigram ids, end to end; `coreStarts[i]` is where core i's begin. */
  private coreTrigramList: number[] = [];
  private readonly coreStarts: number[] = [0];
  /** Built by `seal`: for each trigram, the cores that have it (compressed sparse rows). */
  private postingStarts = new Int32Array(0);
  private postings = new Int32Array(0);
  private coreTrigrams = new Int32Array(0);
  private coreTrigramStarts = new Int32Array(0);
  private sealed = false;
  /** Per-search scratch marks, stamped with a search number so they need no clearing. */
  private coreMarks = new Int32Array(0);
  private trigramMarks = new Int32Array(0);
  private searches = 0;

  get records() {
    return this.coreRecords.reduce((sum, records) => sum + records.length, 0);
  }

  get names() {
    return this.coreRecords.length;
  }

  add(recordId: string, core: string, postcode: string | null = null) {
    if (this.sealed) throw new Error('the name index is sealed; build a new one');
    let coreId = this.coreIds.get(core);
    if (coreId === undefined) {
      coreId = this.coreRecords.length;
      this.coreIds.set(core, coreId);
      this.coreRecords.push([]);
      this.corePostcodes.push([]);
      for (const trigram of trigrams(core)) {
        let trigramId = this.trigramIds.get(trigram);
        if (trigramId === undefined) {
          trigramId = this.trigramIds.size;
          this.trigramIds.set(trigram, trigramId);
        }
        this.coreTrigramList.push(trigramId);
      }
      this.coreStarts.push(this.coreTrigramList.length);
    }
    this.coreRecords[coreId].push(recordId);
    let shared = postcode === null ? null : this.postcodes.get(postcode);
    if (shared === undefined) {
      shared = postcode!;
      this.postcodes.set(shared, shared);
    }
    this.corePostcodes[coreId].push(shared);
    this.recordIds.push(recordId);
    this.recordPostcodes.push(shared);
  }

  /** Builds the postings; no more names can be added after. */
  seal() {
    const cores = this.coreRecords.length;
    this.coreTrigrams = Int32Array.from(this.coreTrigramList);
    this.coreTrigramStarts = Int32Array.from(this.coreStarts);
    this.coreTrigramList = [];
    const counts = new Int32Array(this.trigramIds.size + 1);
    for (const trigramId of this.coreTrigrams) counts[trigramId + 1] += 1;
    for (let i = 1; i < counts.length; i += 1) counts[i] += counts[i - 1];
    this.postingStarts = counts.slice();
    this.postings = new Int32Array(this.coreTrigrams.length);
    const next = counts.slice(0, -1);
    // Cores in order of their number of trigrams, so each posting list is too: a search reads only the
    // part of a list whose names are of a length that could reach the threshold.
    const bySize = Array.from({ length: cores }, (_, core) => core).sort((a, b) => this.sizeOf(a) - this.sizeOf(b));
    for (const core of bySize) {
      for (let at = this.coreTrigramStarts[core]; at < this.coreTrigramStarts[core + 1]; at += 1) {
        this.postings[next[this.coreTrigrams[at]]++] = core;
      }
    }
    this.coreMarks = new Int32Array(cores);
    this.trigramMarks = new Int32Array(this.trigramIds.size);
    this.coreRecords.forEach((records, core) => {
      if (records.length < 2) return;
      const postcodes = this.corePostcodes[core];
      const order = records.map((_, index) => index).sort((a, b) => (records[a] < records[b] ? -1 : records[a] > records[b] ? 1 : 0));
      this.coreRecords[core] = order.map((index) => records[index]);
      this.corePostcodes[core] = order.map((index) => postcodes[index]);
    });
    this.postcodes.clear();
    if (this.recordIds.some((id, index) => index > 0 && this.recordIds[index - 1] > id)) {
      const order = this.recordIds.map((_, index) => index).sort((a, b) => (this.recordIds[a] < this.recordIds[b] ? -1 : 1));
      this.recordIds = order.map((index) => this.recordIds[index]);
      this.recordPostcodes = order.map((index) => this.recordPostcodes[index]);
    }
    this.sealed = true;
  }

  /**
   * The records whose core names reach `threshold` pg_trgm similarity with `core`, most alike first and
   * then by id (as PostgreSQL orders uuids), at most `limit`, leaving out `excludeId`.
   */
  search(core: string, threshold: number, limit: number, excludeId: string | null = null): AlikeName[] {
    if (!this.sealed) this.seal();
    const query = [...trigrams(core)];
    if (query.length === 0) return [];
    // A name of common words is alike thousands of names. Looking first for the very alike, which reads
    // only the rarest few trigrams, usually finds `limit` records already, and any less alike would
    // come after them; only when it does not is the search widened, down to the threshold.
    for (const floor of [0.8, 0.6, threshold]) {
      if (floor < threshold) continue;
      const found = this.searchFrom(query, floor, limit, excludeId);
      if (found.length >= limit || floor === threshold) return found;
    }
    return [];
  }

  /** `search` for the names at least `floor` alike. */
  private searchFrom(query: string[], floor: number, limit: number, excludeId: string | null): AlikeName[] {
    this.searches += 1;
    const stamp = this.searches;
    const known: number[] = [];
    for (const trigram of query) {
      const id = this.trigramIds.get(trigram);
      if (id !== undefined) {
        known.push(id);
        this.trigramMarks[id] = stamp;
      }
    }
    // similarity = shared / (|query| + |other| - shared) reaches `floor` only when shared is at least
    // floor × (|query| + |other|) / (1 + floor), and shared is at most |other|: so the other name has at
    // least floor × |query| trigrams, and shares at least `needed(|other|)` with the query. A name that
    // shares that many shares at least one of any |query| - needed + 1 of the query's trigrams: the
    // rarest ones (trigrams no name has are the rarest of all). So the k-th rarest trigram's list is
    // read only for names short enough to need it. The slack keeps rounding from leaving any out;
    // every name read is then measured exactly.
    const size = query.length;
    const slack = 1e-6;
    const minSize = Math.max(1, Math.ceil(floor * size - slack));
    const maxSizeAt = (rank: number) => Math.floor(((size - rank) * (1 + floor)) / floor - size + slack);
    const missing = size - known.length;
    known.sort((a, b) => this.postingLength(a) - this.postingLength(b));
    const alike: { core: number; similarity: number }[] = [];
    for (let k = 0; k < known.length; k += 1) {
      const maxSize = maxSizeAt(missing + k);
      if (maxSize < minSize) break;
      const trigramId = known[k];
      const end = this.postingStarts[trigramId + 1];
      for (let at = this.firstOfSize(trigramId, minSize); at < end; at += 1) {
        const coreId = this.postings[at];
        if (this.sizeOf(coreId) > maxSize) break;
        if (this.coreMarks[coreId] === stamp) continue;
        this.coreMarks[coreId] = stamp;
        const start = this.coreTrigramStarts[coreId];
        const other = this.coreTrigramStarts[coreId + 1] - start;
        let shared = 0;
        for (let i = start; i < start + other; i += 1) if (this.trigramMarks[this.coreTrigrams[i]] === stamp) shared += 1;
        // pg_trgm divides in single precision and compares with the threshold in double.
        const similarity = Math.fround(shared / (size + other - shared));
        if (similarity >= floor) alike.push({ core: coreId, similarity });
      }
    }
    alike.sort((a, b) => b.similarity - a.similarity);
    const found: AlikeName[] = [];
    // Records of equally alike names are ordered by id across those names, as ORDER BY similarity, id is.
    for (let from = 0; from < alike.length && found.length < limit; ) {
      let to = from;
      const { similarity } = alike[from];
      const tied: AlikeName[] = [];
      while (to < alike.length && alike[to].similarity === similarity) {
        const { core } = alike[to++];
        const postcodes = this.corePostcodes[core];
        this.coreRecords[core].forEach((recordId, index) => tied.push({ recordId, similarity, postcode: postcodes[index] }));
      }
      if (to - from > 1) tied.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
      for (const name of tied) {
        if (name.recordId === excludeId) continue;
        if (found.length === limit) break;
        found.push(name);
      }
      from = to;
    }
    return found;
  }

  /** The postcode of a record in the index (null when it has none), or undefined for a record it does not hold. */
  postcodeOf(recordId: string): string | null | undefined {
    if (!this.sealed) this.seal();
    let low = 0;
    let high = this.recordIds.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.recordIds[middle] < recordId) low = middle + 1;
      else high = middle;
    }
    return this.recordIds[low] === recordId ? this.recordPostcodes[low] : undefined;
  }

  private sizeOf(coreId: number) {
    return this.coreTrigramStarts[coreId + 1] - this.coreTrigramStarts[coreId];
  }

  /** Where the names of at least `size` trigrams start in a trigram's list (which is in order of size). */
  private firstOfSize(trigramId: number, size: number) {
    let low = this.postingStarts[trigramId];
    let high = this.postingStarts[trigramId + 1];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sizeOf(this.postings[middle]) < size) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private postingLength(trigramId: number) {
    return this.postingStarts[trigramId + 1] - this.postingStarts[trigramId];
  }
}
