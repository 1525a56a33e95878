// Splitting awards across contributions. Every award is paid from the contributions whose restrictions
// allow it, no contribution goes below zero, the fund's reserve stays untouched, and each award draws on
// the contributions open to it in proportion to what each has available. Solved for all the awards of a
// meeting together as a minimum-cost flow, so deciding one award never strands money another needed.
import { formatPence } from '../../../shared/money.ts';

export interface AllocationContribution {
  id: string;
  funderName: string;
  /** What is left of it for these awards (pence): contributed less what earlier awards committed. */
  availablePence: number;
  restrictedToPriorities: readonly string[];
  restrictedToAreas: readonly string[];
  /** The restrictions as people read them (the fund's priority labels, the areas' names), in the same order; the keys and codes when absent. */
  priorityNames?: readonly string[];
  areaNames?: readonly string[];
  excludesUnconstituted: boolean;
  restrictedToPhaseId: string | null;
  /** YYYY-MM-DD; money must be committed on or before this day. */
  spendBy: string | null;
}

export interface AllocationAward {
  id: string;
  amountPence: number;
  priorities: readonly string[];
  areaCodes: readonly string[];
  unconstituted: boolean;
  phaseId: string;
  /** YYYY-MM-DD, the day the panel decides. */
  decidedOn: string;
}

export interface AllocationInput {
  awards: readonly AllocationAward[];
  contributions: readonly AllocationContribution[];
  /** Money the fund holds back; no award may use it (pence). */
  reservePence: number;
}

export interface Draw {
  awardId: string;
  contributionId: string;
  amountPence: number;
}

export interface Shortfall {
  awardId: string;
  /** How much of the award could not be placed (pence). */
  missingPence: number;
  /** In words: what is open to the award, and which restriction closes the rest. */
  reasons: string[];
}

export type AllocationResult = { ok: true; draws: Draw[] } | { ok: false; shortfalls: Shortfall[] };

/** Why a contribution may not pay for an award, or null when it may. */
export function restrictionBlocking(contribution: AllocationContribution, award: AllocationAward): string | null {
  const name = contribution.funderName;
  if (contribution.restrictedToPriorities.length > 0 && !award.priorities.some((tag) => contribution.restrictedToPriorities.includes(tag))) {
    return `${name}'s money is only for ${(contribution.priorityNames ?? contribution.restrictedToPriorities).join(', ')}`;
  }
  if (contribution.restrictedToAreas.length > 0 && !award.areaCodes.some((code) => contribution.restrictedToAreas.includes(code))) {
    return `${name}'s money is only for ${(contribution.areaNames ?? contribution.restrictedToAreas).join(', ')}`;
  }
  if (contribution.excludesUnconstituted && award.unconstituted) return `${name}'s money may not go to unconstituted groups`;
  if (contribution.restrictedToPhaseId !== null && contribution.restrictedToPhaseId !== award.phaseId) return `${name}'s money is for another phase`;
  if (contribution.spendBy !== null && award.decidedOn > contribution.spendBy) return `${name}'s money had to be spent by ${contribution.spendBy}`;
  return null;
}

/** Splits `total` in proportion to `weights` in whole pence; the remainders go to the largest fractions. */
export function proportionalSplit(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, fraction: value - Math.floor(value) })).sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    floors[index] += 1;
    left -= 1;
  }
  return floors;
}

interface Arc {
  to: number;
  capacity: number;
  cost: number;
  flow: number;
  reverse: number;
}

/** Minimum-cost maximum flow by successive shortest paths (Bellman-Ford: the graph is small). */
class FlowNetwork {
  readonly arcs: Arc[][];

  constructor(size: number) {
    this.arcs = Array.from({ length: size }, () => []);
  }

  add(from: number, to: number, capacity: number, cost: number): Arc {
    const forward: Arc = { to, capacity, cost, flow: 0, reverse: this.arcs[to].length };
    this.arcs[from].push(forward);
    this.arcs[to].push({ to: from, capacity: 0, cost: -cost, flow: 0, reverse: this.arcs[from].length - 1 });
    return forward;
  }

  /** Sends `amount` along one arc, and records it on the reverse arc. */
  push(arc: Arc, amount: number) {
    arc.flow += amount;
    this.arcs[arc.to][arc.reverse].flow -= amount;
  }

  /** Augments along cheapest paths until the sink is unreachable; returns the flow added. */
  run(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const distance = new Array<number>(this.arcs.length).fill(Infinity);
      const via = new Array<[number, number] | null>(this.arcs.length).fill(null);
      const queued = new Array<boolean>(this.arcs.length).fill(false);
      const queue = [source];
      distance[source] = 0;
      queued[source] = true;
      while (queue.length > 0) {
        const node = queue.shift()!;
        queued[node] = false;
        this.arcs[node].forEach((arc, index) => {
          if (arc.capacity - arc.flow > 0 && distance[node] + arc.cost < distance[arc.to]) {
            distance[arc.to] = distance[node] + arc.cost;
            via[arc.to] = [node, index];
            if (!queued[arc.to]) {
              queued[arc.to] = true;
              queue.push(arc.to);
            }
          }
        });
      }
      if (distance[sink] === Infinity) return total;
      let amount = Infinity;
      for (let node = sink; node !== source; ) {
        const [from, index] = via[node]!;
        const arc = this.arcs[from][index];
        amount = Math.min(amount, arc.capacity - arc.flow);
        node = from;
      }
      for (let node = sink; node !== source; ) {
        const [from, index] = via[node]!;
        this.push(this.arcs[from][index], amount);
        node = from;
      }
      total += amount;
    }
  }
}

/**
 * Allocates every award. Each award's fair share of each open contribution is its proportional split;
 * the flow may depart from those shares only where contributions run short, and the cost of each penny
 * moved away from its fair share is minimised, so the result is as close to proportional as the
 * restrictions and balances allow.
 */
export function allocate(input: AllocationInput): AllocationResult {
  const { awards, contributions } = input;
  const source = 0;
  const awardNode = (index: number) => 1 + index;
  const contributionNode = (index: number) => 1 + awards.length + index;
  const pool = 1 + awards.length + contributions.length;
  const sink = pool + 1;
  const network = new FlowNetwork(sink + 1);

  const open = awards.map((award) => contributions.map((contribution) => restrictionBlocking(contribution, award) === null));
  const fairArcs: { award: number; contribution: number; arcs: Arc[] }[] = [];
  const awardArcs = awards.map((award, a) => network.add(source, awardNode(a), award.amountPence, 0));
  awards.forEach((award, a) => {
    const weights = contributions.map((contribution, c) => (open[a][c] ? Math.max(contribution.availablePence, 0) : 0));
    const shares = proportionalSplit(award.amountPence, weights);
    contributions.forEach((_contribution, c) => {
      if (!open[a][c]) return;
      // Up to the fair share costs nothing; beyond it each penny costs one.
      fairArcs.push({ award: a, contribution: c, arcs: [network.add(awardNode(a), contributionNode(c), shares[c], 0), network.add(awardNode(a), contributionNode(c), Infinity, 1)] });
    });
  });
  const poolArcs = contributions.map((contribution, c) => network.add(contributionNode(c), pool, Math.max(contribution.availablePence, 0), 0));
  const spendable = contributions.reduce((sum, contribution) => sum + Math.max(contribution.availablePence, 0), 0) - input.reservePence;
  const sinkArc = network.add(pool, sink, Math.max(spendable, 0), 0);

  // Fair shares first, as far as balances allow: a flow of cost zero, hence of least cost, from which
  // the cheapest-path search only has to settle the contested money.
  let placed = 0;
  for (const { award, contribution, arcs } of fairArcs) {
    const room = (arc: Arc) => arc.capacity - arc.flow;
    const amount = Math.min(room(arcs[0]), room(awardArcs[award]), room(poolArcs[contribution]), room(sinkArc));
    if (amount <= 0) continue;
    for (const arc of [awardArcs[award], arcs[0], poolArcs[contribution], sinkArc]) network.push(arc, amount);
    placed += amount;
  }

  const needed = awards.reduce((sum, award) => sum + award.amountPence, 0);
  placed += network.run(source, sink);
  if (placed === needed) {
    const draws: Draw[] = [];
    for (const { award, contribution, arcs } of fairArcs) {
      const amountPence = arcs.reduce((sum, arc) => sum + arc.flow, 0);
      if (amountPence > 0) draws.push({ awardId: awards[award].id, contributionId: contributions[contribution].id, amountPence });
    }
    return { ok: true, draws };
  }

  const shortfalls: Shortfall[] = [];
  awards.forEach((award, a) => {
    const served = awardArcs[a].flow;
    if (served === award.amountPence) return;
    const reachable = contributions.reduce((sum, contribution, c) => sum + (open[a][c] ? Math.max(contribution.availablePence, 0) : 0), 0);
    const reasons = [
      reachable < award.amountPence
        ? `Only ${formatPence(reachable)} of the fund's money may be used for this award.`
        : `${formatPence(reachable)} of the fund's money may be used for this award, but other awards in this meeting need the same money.`,
    ];
    for (const contribution of contributions) {
      const blocked = restrictionBlocking(contribution, award);
      if (blocked) reasons.push(blocked);
    }
    if (input.reservePence > 0) reasons.push(`${formatPence(input.reservePence)} is held in reserve and cannot be used.`);
    shortfalls.push({ awardId: award.id, missingPence: award.amountPence - served, reasons });
  });
  return { ok: false, shortfalls };
}
