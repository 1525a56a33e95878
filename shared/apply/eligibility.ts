import { LegalForm } from '../domain.ts';
import { formatPence } from '../money.ts';
import type { Answers } from './questions.ts';

export interface FundRules {
  areaDescription: string;
  phaseName: string;
  minAwardPence: number;
  maxAwardPence: number;
  unconstitutedCapPence?: number | null;
}

export type Eligibility = { eligible: true } | { eligible: false; reasons: string[] };

/** A clear yes, or "not this fund, and why", from the eligibility answers and the fund's rules. */
export function checkEligibility(answers: Answers, rules: FundRules): Eligibility {
  const reasons: string[] = [];
  const amount = Number(answers.amountPence);
  if (answers.worksInArea === 'no') {
    reasons.push(
      `This fund only supports groups working in ${rules.areaDescription}. Your local council or community foundation can tell you about funds where you work.`,
    );
  }
  if (amount < rules.minAwardPence) {
    reasons.push(`The ${rules.phaseName.toLowerCase()} phase gives at least ${formatPence(rules.minAwardPence)}. Ask for ${formatPence(rules.minAwardPence)} or more.`);
  }
  if (amount > rules.maxAwardPence) {
    reasons.push(`The most the ${rules.phaseName.toLowerCase()} phase gives is ${formatPence(rules.maxAwardPence)}. Ask for ${formatPence(rules.maxAwardPence)} or less.`);
  }
  const cap = rules.unconstitutedCapPence;
  if (answers.legalForm === LegalForm.UNCONSTITUTED_GROUP && cap != null && amount > cap && amount <= rules.maxAwardPence) {
    reasons.push(
      `Groups without a constitution can ask for up to ${formatPence(cap)}. Ask for ${formatPence(cap)} or less, or ask a charity or constituted group you work with to apply for the project instead.`,
    );
  }
  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}
