// A fund's areas (what it covers) and an application's areas (where its work is), both by area code.
// A fund lists a few areas, usually its local authorities; "the fund's areas" of a kind are those
// listed and those inside them, found from each area's local authority and ward.
import type { FilterQuery } from '@mikro-orm/core';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { kindOfAnyAreaCode } from '../../../shared/areas.ts';
import { ApplicationStatus, AreaKind } from '../../../shared/domain.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canPlaceApplication } from '../../policies/area.policy.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Fund } from '../funds/fund.entity.ts';
import { requireFund } from '../funds/fund.service.ts';
import { Area } from './area.entity.ts';

export const APPLICATION_AREAS_CHANGED = 'application.areas-changed';

/** Most specific first: an application's LSOA, then its ward, then its local authority. */
const KIND_ORDER: AreaKind[] = [AreaKind.LSOA, AreaKind.WARD, AreaKind.LOCAL_AUTHORITY];

export function orderAreaCodes(codes: Iterable<string>): string[] {
  const rank = (code: string) => KIND_ORDER.indexOf(kindOfAnyAreaCode(code) ?? AreaKind.LOCAL_AUTHORITY);
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Codes as people type them: trimmed, upper case, each once. */
const cleanCodes = (codes: readonly string[]) => [...new Set(codes.map((code) => code.trim().toUpperCase()).filter(Boolean))];

/** Areas of `kind` among, or inside, the listed codes; without a kind, the listed areas themselves. */
function fundAreaFilter(codes: readonly string[], kind: AreaKind | null | undefined): FilterQuery<Area> {
  if (!kind) return { code: { $in: [...codes] } };
  const inside: FilterQuery<Area>[] = [{ code: { $in: [...codes] } }];
  if (kind !== AreaKind.LOCAL_AUTHORITY) inside.push({ localAuthorityCode: { $in: [...codes] } });
  if (kind === AreaKind.LSOA) inside.push({ wardCode: { $in: [...codes] } });
  return { kind, $or: inside };
}

/**
 * The fund's areas of one kind: the LSOAs or wards inside its local authorities (or its listed wards),
 * or the listed areas of that kind. Without a kind, the areas the fund lists. What the map draws and
 * what officers choose from.
 */
export async function listFundAreas(em: EntityManager, fund: Pick<Fund, 'areaCodes'>, kind: AreaKind | null | undefined, options: { withGeometry: boolean }) {
  if (fund.areaCodes.length === 0) return [];
  return em.find(Area, fundAreaFilter(fund.areaCodes, kind), { orderBy: { code: 'asc' }, populate: options.withGeometry ? ['geometry'] : [] });
}

/** Whether an area is one the fund lists or lies inside one of them. */
const insideFund = (area: Area, fundCodes: ReadonlySet<string>) =>
  fundCodes.has(area.code) || (area.localAuthorityCode !== undefined && area.localAuthorityCode !== null && fundCodes.has(area.localAuthorityCode)) || (area.wardCode !== undefined && area.wardCode !== null && fundCodes.has(area.wardCode));

const listed = (codes: readonly string[]) => codes.join(', ');

/**
 * Of these codes, those the portal does not hold, and those it holds outside the fund's areas (none,
 * when the fund lists no areas yet). Money restricted to either could never be drawn, since
 * applications are placed only in the fund's areas.
 */
export async function areasNotInFund(em: EntityManager, fund: Pick<Fund, 'areaCodes'>, codes: readonly string[]): Promise<{ unknown: string[]; outside: string[] }> {
  const held = new Map((codes.length > 0 ? await em.find(Area, { code: { $in: [...codes] } }) : []).map((area) => [area.code, area]));
  const fundCodes = new Set(fund.areaCodes);
  return {
    unknown: codes.filter((code) => !held.has(code)),
    outside: fundCodes.size === 0 ? [] : codes.filter((code) => held.has(code) && !insideFund(held.get(code)!, fundCodes)),
  };
}

/**
 * The coordinator sets the areas the fund covers. Each code must be an area the portal holds (imported
 * on the Areas page, or the demo's), so the map and the choosers always have something to show.
 */
export async function setFundAreas(em: EntityManager, viewer: Viewer, input: { fundId: string; version: number; areaCodes: string[] }): Promise<Fund> {
  const fund = await requireFund(em, viewer, input.fundId, 'manage');
  const codes = cleanCodes(input.areaCodes);
  const problems: FieldError[] = [];
  const notCodes = codes.filter((code) => kindOfAnyAreaCode(code) === null);
  if (notCodes.length > 0) {
    problems.push({ field: 'areaCodes', message: `${listed(notCodes)} ${notCodes.length === 1 ? 'is not an area code' : 'are not area codes'}. Enter the codes of local authorities, wards or LSOAs, like E07000028.` });
  }
  const shaped = codes.filter((code) => kindOfAnyAreaCode(code) !== null);
  const held = new Set((await em.find(Area, { code: { $in: shaped } }, { fields: ['code'] })).map((area) => area.code));
  const unknown = shaped.filter((code) => !held.has(code));
  if (unknown.length > 0) {
    problems.push({ field: 'areaCodes', message: `${listed(unknown)} ${unknown.length === 1 ? 'is not an area the portal holds' : 'are not areas the portal holds'}. Check the code, or import the boundaries on the Areas page first.` });
  }
  if (problems.length > 0) throw errors.badInput(problems);
  if (fund.version !== input.version) throw errors.conflict('fund');
  const before = [...fund.areaCodes];
  const after = orderAreaCodes(codes);
  if (before.join() === after.join()) return fund;
  fund.areaCodes = after;
  recordAudit(em, {
    actor: viewer.user,
    action: 'fund.areas-changed',
    entityType: 'Fund',
    entityId: fund.id,
    fundId: fund.id,
    changes: { areaCodes: [before, after], added: after.filter((code) => !before.includes(code)), removed: before.filter((code) => !after.includes(code)) },
  });
  // The fund's version is its optimistic lock: of two coordinators saving at once, one is told.
  await em.flush();
  return fund;
}

interface DrawRestriction {
  funder_name: string;
  restricted_to_areas: string[];
}

/** Awards already split across contributions keep an area each area-restricted contribution paying for them needs. */
function breaksDraws(reference: string, codes: readonly string[], draws: DrawRestriction[]): FieldError[] {
  return draws
    .filter((draw) => draw.restricted_to_areas.length > 0 && !draw.restricted_to_areas.some((code) => codes.includes(code)))
    .map((draw) => ({
      field: 'areaCodes',
      message: `${reference} is paid partly from ${draw.funder_name}'s money, which is only for ${listed(draw.restricted_to_areas)}. Keep one of those areas.`,
    }));
}

/** Whether the viewer may change this application's areas (they may see it: checked by the caller). */
export function mayPlace(viewer: Viewer | null, application: Application): boolean {
  return application.status !== ApplicationStatus.DRAFT && canPlaceApplication(viewer, application);
}

/**
 * An officer sets or corrects the areas an application's work serves, choosing from the fund's areas:
 * LSOAs, wards, or a whole local authority, as specifically as the work is. Money restricted to a ward or
 * local authority follows an application placed inside it (`withContainingAreas`), so the wards and
 * local authorities holding the chosen areas are not stored again. Checked against what already pays
 * for it, and audited.
 */
export async function setApplicationAreas(em: EntityManager, viewer: Viewer, input: { applicationId: string; version: number; areaCodes: string[] }): Promise<Application> {
  const found = await findById(em, Application, input.applicationId, { populate: ['fund'] });
  if (!found || found.status === ApplicationStatus.DRAFT || !canOnFund(viewer, 'view', found.fund)) throw errors.notFound('application');
  if (!mayPlace(viewer, found)) throw errors.forbidden('change the areas of this application');
  if (found.version !== input.version) throw errors.conflict('application');

  const fund = found.fund;
  const codes = cleanCodes(input.areaCodes);
  const problems: FieldError[] = [];
  const areas = codes.length > 0 ? await em.find(Area, { code: { $in: codes } }) : [];
  const fundCodes = new Set(fund.areaCodes);
  const chosen = new Map(areas.filter((area) => insideFund(area, fundCodes)).map((area) => [area.code, area]));
  const outside = codes.filter((code) => !chosen.has(code));
  if (outside.length > 0) {
    problems.push(
      fundCodes.size === 0
        ? { field: 'areaCodes', message: 'This fund has no areas yet. Its coordinator chooses them in the fund settings.' }
        : { field: 'areaCodes', message: `${listed(outside)} ${outside.length === 1 ? 'is not one of' : 'are not among'} this fund's areas. Choose from the fund's list.` },
    );
  }
  // An LSOA inside a chosen ward is already served by it; naming both would count the work twice on the map.
  for (const area of chosen.values()) {
    const holder = [area.wardCode, area.localAuthorityCode].find((code) => code && chosen.has(code));
    if (holder) problems.push({ field: 'areaCodes', message: `${area.name} is inside ${chosen.get(holder)!.name}, which is chosen too. Choose one or the other.` });
  }
  if (problems.length > 0) throw errors.badInput(problems);
  const next = orderAreaCodes(codes);
  const withHolders = [...new Set([...chosen.values()].flatMap((area) => [area.code, area.wardCode, area.localAuthorityCode].filter((code): code is string => Boolean(code))))];

  return em.transactional(async (tx) => {
    // The same row lock a decision takes, so areas and the split of an award never pass each other.
    const application = await tx.findOneOrFail(Application, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (application.version !== input.version) throw errors.conflict('application');
    const before = [...application.areaCodes];
    if (before.join() === next.join()) return application;
    const draws = await tx.getConnection().execute<DrawRestriction[]>(
      `SELECT f.name AS funder_name, c.restricted_to_areas FROM award_draw d JOIN decision x ON x.id = d.decision_id
         JOIN contribution c ON c.id = d.contribution_id JOIN funder f ON f.id = c.funder_id
        WHERE x.application_id = ? ORDER BY f.name`,
      [application.id],
      'all',
      tx.getTransactionContext(),
    );
    const broken = breaksDraws(application.reference, withHolders, draws);
    if (broken.length > 0) throw errors.badInput(broken);
    application.areaCodes = next;
    recordAudit(tx, {
      actor: viewer.user,
      action: APPLICATION_AREAS_CHANGED,
      entityType: 'Application',
      entityId: application.id,
      fundId: fund.id,
      changes: { areaCodes: [before, next], added: next.filter((code) => !before.includes(code)), removed: before.filter((code) => !next.includes(code)) },
    });
    return application;
  });
}
