// Placing applications in areas from the group's postcode, through the postcode lookup. A postcode the
// lookup does not have leaves the application unplaced, for an officer (or later the group) to choose
// from the fund's areas.
import type { EntityManager } from '@mikro-orm/postgresql';
import { normalisePostcode } from '../../../shared/text.ts';
import type { ApplicantGroup } from '../applications/applicant-group.entity.ts';
import type { Application } from '../applications/application.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Area } from './area.entity.ts';
import { PostcodeArea } from './postcode-area.entity.ts';

export const APPLICATION_PLACED = 'application.placed';

type Placeable = Pick<Application, 'areaCodes'> & { group: Pick<ApplicantGroup, 'postcode'> };

/**
 * Sets the area of each application that has none from its group's postcode: the most specific area
 * the lookup gives that the portal holds (its LSOA; else its ward; else its local authority), or, when
 * the portal holds none of them, the most specific code the lookup gives. Money restricted to a ward or
 * local authority follows an application placed in an LSOA inside it (`withContainingAreas`), so one
 * code is enough, and the coverage map counts the work once. One query for the postcodes, one for the areas.
 */
export async function placeApplications<T extends Placeable>(em: EntityManager, applications: readonly T[]): Promise<T[]> {
  const unplaced = applications
    .filter((application) => application.areaCodes.length === 0)
    .map((application) => ({ application, postcode: normalisePostcode(application.group.postcode ?? '') }))
    .filter((entry): entry is { application: T; postcode: string } => entry.postcode !== null);
  if (unplaced.length === 0) return [];
  const found = await em.find(PostcodeArea, { postcode: { $in: [...new Set(unplaced.map((entry) => entry.postcode))] } });
  const byPostcode = new Map(found.map((row) => [row.postcode, [row.lsoaCode, row.wardCode, row.localAuthorityCode].filter((code): code is string => Boolean(code))]));
  const codes = [...new Set([...byPostcode.values()].flat())];
  const held = new Set(codes.length > 0 ? (await em.find(Area, { code: { $in: codes } }, { fields: ['code'] })).map((area) => area.code) : []);
  const placed: T[] = [];
  for (const { application, postcode } of unplaced) {
    const candidates = byPostcode.get(postcode) ?? [];
    const code = candidates.find((candidate) => held.has(candidate)) ?? candidates[0];
    if (!code) continue;
    application.areaCodes = [code];
    placed.push(application);
  }
  return placed;
}

/**
 * Places one application as it is sent, in the sending transaction, and records where it was placed
 * and why (the postcode itself is personal data, so the log says only that the lookup placed it).
 */
export async function placeApplication(em: EntityManager, application: Application): Promise<void> {
  const [placed] = await placeApplications(em, [application]);
  if (!placed) return;
  recordAudit(em, {
    actor: null,
    action: APPLICATION_PLACED,
    entityType: 'Application',
    entityId: application.id,
    fundId: application.fund.id,
    changes: { areaCodes: [[], placed.areaCodes], from: 'postcode lookup' },
  });
}
