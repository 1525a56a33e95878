// What funders read of the fund's reports, in SQL: the sent stories (the feed, and one funder's), and
// the totals of grants, money, people reached and reports by priority and by phase. Each screen costs a
// fixed number of statements, whatever the number of grants: the stories' groups, phases, priorities,
// areas, funders and photos are gathered in the statement that finds them.
import type { EntityManager } from '@mikro-orm/postgresql';
import { StoryConsent } from '../../../shared/reporting.ts';
import { bindNamed } from '../../db/named-params.ts';
import { postgresArray } from '../../db/postgres-array.ts';


async function run<T>(em: EntityManager, sql: string, values: Record<string, unknown>): Promise<T[]> {
  const [text, params] = bindNamed(sql, values);
  return em.getConnection().execute<T[]>(text, params);
}

export interface StoryFilterValues {
  priority?: string | null;
  /** A ward's or local authority's code (or any area code an application names). */
  areaCode?: string | null;
  funderId?: string | null;
  phaseId?: string | null;
}

/** Where a page of the feed starts: after the story sent at `at` (PostgreSQL's own text, so no precision is lost) with id `id`. */
export interface StoryCursor {
  at: string;
  id: string;
}

export interface StoryRow {
  id: string;
  submitted_at: Date | string;
  cursor_at: string;
  story_consent: StoryConsent;
  people_count: number | null;
  reporting: string;
  text: string | null;
  grant_id: string;
  amount_pence: number;
  reference: string;
  title: string;
  group_name: string;
  fund_id: string;
  phase_id: string;
  phase_name: string;
  awarded_on: string;
  photo_id: string | null;
  photo_width: number | null;
  photo_height: number | null;
  photo_description: string | null;
  priorities: { key: string; label: string }[];
  areas: { code: string; name: string }[];
  funders: { id: string; name: string; pence: number }[];
}

/**
 * The story of a sent report with what it belongs to: the group, the grant, its phase, priorities (the
 * fund's labels, in the fund's order), areas (named when the portal holds them, in the application's
 * order), the funders whose contributions paid for it (with their parts), and its photo. `$funderPart`
 * set: `funder_pence` is that funder's part of the grant.
 */
const DETAILS = `
  ph.name AS phase_name, grp.name AS group_name,
  (d.decided_at AT TIME ZONE 'Europe/London')::date::text AS awarded_on,
  coalesce((SELECT json_agg(json_build_object('key', t.tag, 'label', coalesce(p.label, t.tag)) ORDER BY p.position NULLS LAST, t.tag)
              FROM unnest(a.priority_tags) AS t(tag) LEFT JOIN priority p ON p.fund_id = a.fund_id AND p.key = t.tag), '[]') AS priorities,
  coalesce((SELECT json_agg(json_build_object('code', c.code, 'name', coalesce(ar.name, c.code)) ORDER BY c.position)
              FROM unnest(a.area_codes) WITH ORDINALITY AS c(code, position) LEFT JOIN area ar ON ar.code = c.code), '[]') AS areas,
  coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'pence', by_funder.pence) ORDER BY f.name, f.id)
              FROM (SELECT co.funder_id, sum(dr.amount_pence)::bigint AS pence
                      FROM award_draw dr JOIN contribution co ON co.id = dr.contribution_id
                     WHERE dr.decision_id = g.decision_id GROUP BY co.funder_id) by_funder
              JOIN funder f ON f.id = by_funder.funder_id), '[]') AS funders`;

const STORY_TEXT = `CASE g.reporting WHEN 'SENTENCES' THEN r.sentences ELSE r.story END`;

/**
 * One page of the fund's sent stories, newest first, with how many match in all. Only the consents in
 * `consents` are read: the caller passes what the viewer may see (the policy's `readStory`), so a story
 * the group kept to the fund's staff never leaves the database for anyone else. The area filter takes
 * the application's area codes and the wards and local authorities that hold them.
 */
export async function storyPage(em: EntityManager, args: { fundId: string; consents: StoryConsent[]; filter: StoryFilterValues; after: StoryCursor | null; limit: number }) {
  const rows = await run<(StoryRow & { total: string }) | { id: null; total: string }>(
    em,
    `WITH matching AS (
       SELECT r.id, r.submitted_at, r.grant_id
         FROM report r
         JOIN fund_grant g ON g.id = r.grant_id
         JOIN application a ON a.id = g.application_id
        WHERE a.fund_id = $fund::uuid AND r.status = 'SUBMITTED'
          AND r.story_consent = ANY ($consents::story_consent[])
          AND ($phase::uuid IS NULL OR a.phase_id = $phase::uuid)
          AND ($priority::text IS NULL OR $priority::text = ANY (a.priority_tags))
          AND ($funder::uuid IS NULL OR EXISTS (SELECT 1 FROM award_draw dr JOIN contribution co ON co.id = dr.contribution_id
                                                  WHERE dr.decision_id = g.decision_id AND co.funder_id = $funder::uuid))
          AND ($area::text IS NULL OR EXISTS (SELECT 1 FROM unnest(a.area_codes) AS c(code) LEFT JOIN area ar ON ar.code = c.code
                                                WHERE $area::text IN (c.code, ar.ward_code, ar.local_authority_code)))
     )
     SELECT counted.total, page.*
       FROM (SELECT count(*) AS total FROM matching) counted
       LEFT JOIN LATERAL (
         SELECT r.id, r.submitted_at, r.submitted_at::text AS cursor_at, r.story_consent, r.people_count, g.reporting, ${STORY_TEXT} AS text,
                g.id AS grant_id, g.amount_pence, a.reference, a.title, a.fund_id, a.phase_id,
                photo.id AS photo_id, photo.width AS photo_width, photo.height AS photo_height, photo.description AS photo_description,
                ${DETAILS}
           FROM matching m
           JOIN report r ON r.id = m.id
           JOIN fund_grant g ON g.id = m.grant_id
           JOIN application a ON a.id = g.application_id
           JOIN decision d ON d.id = g.decision_id
           JOIN phase ph ON ph.id = a.phase_id
           JOIN applicant_group grp ON grp.id = a.group_id
           LEFT JOIN report_photo photo ON photo.report_id = r.id
          WHERE $afterAt::timestamptz IS NULL OR (m.submitted_at, m.id) < ($afterAt::timestamptz, $afterId::uuid)
          ORDER BY m.submitted_at DESC, m.id DESC
          LIMIT $limit
       ) page ON true
      ORDER BY page.submitted_at DESC, page.id DESC`,
    {
      fund: args.fundId,
      consents: postgresArray(args.consents),
      phase: args.filter.phaseId ?? null,
      priority: args.filter.priority ?? null,
      funder: args.filter.funderId ?? null,
      area: args.filter.areaCode ?? null,
      afterAt: args.after?.at ?? null,
      afterId: args.after?.id ?? null,
      limit: args.limit,
    },
  );
  return { total: Number(rows[0]?.total ?? 0), stories: rows.filter((row): row is StoryRow & { total: string } => row.id !== null) };
}

export interface FunderGrantRow extends Omit<StoryRow, 'id' | 'submitted_at' | 'cursor_at' | 'story_consent' | 'text'> {
  funder_pence: number;
  report_due_on: string | null;
  report_id: string | null;
  report_status: string | null;
  submitted_at: Date | string | null;
  story_consent: StoryConsent | null;
  /** The story, only when sent and shared with the funders or the public; the photo likewise. */
  text: string | null;
}

/**
 * Every grant one funder's contributions paid towards, newest award first, with its part, the grant's
 * report (status, due day, people) and, only where the group shared it with the funders or the public,
 * its story and photo: what the funder takes to its board.
 */
export async function funderGrants(em: EntityManager, args: { fundId: string; funderId: string }): Promise<FunderGrantRow[]> {
  return run<FunderGrantRow>(
    em,
    `SELECT g.id AS grant_id, g.amount_pence, g.reporting, g.report_due_on::text AS report_due_on, part.pence::bigint AS funder_pence,
            a.reference, a.title, a.fund_id, a.phase_id,
            r.id AS report_id, r.status AS report_status, r.submitted_at, r.story_consent,
            CASE WHEN r.status = 'SUBMITTED' AND g.reporting = 'SHORT_FORM' THEN r.people_count END AS people_count,
            CASE WHEN shared THEN ${STORY_TEXT} END AS text,
            CASE WHEN shared THEN photo.id END AS photo_id, CASE WHEN shared THEN photo.width END AS photo_width,
            CASE WHEN shared THEN photo.height END AS photo_height, CASE WHEN shared THEN photo.description END AS photo_description,
            ${DETAILS}
       FROM fund_grant g
       JOIN application a ON a.id = g.application_id
       JOIN decision d ON d.id = g.decision_id
       JOIN phase ph ON ph.id = a.phase_id
       JOIN applicant_group grp ON grp.id = a.group_id
       JOIN (SELECT dr.decision_id, sum(dr.amount_pence) AS pence
               FROM award_draw dr JOIN contribution co ON co.id = dr.contribution_id
              WHERE co.funder_id = $funder::uuid AND co.fund_id = $fund::uuid
              GROUP BY dr.decision_id) part ON part.decision_id = g.decision_id
       LEFT JOIN report r ON r.grant_id = g.id
       LEFT JOIN report_photo photo ON photo.report_id = r.id
       CROSS JOIN LATERAL (SELECT coalesce(r.status = 'SUBMITTED' AND r.story_consent IN ('FUNDERS', 'PUBLIC'), false) AS shared) sharing
      WHERE a.fund_id = $fund::uuid
      ORDER BY d.decided_at DESC, a.reference`,
    { fund: args.fundId, funder: args.funderId },
  );
}

export interface FiguresRow {
  level: 'all' | 'priority' | 'phase';
  /** The priority's key (null: grants with no priority) or the phase's id. */
  key: string | null;
  label: string | null;
  position: number | null;
  grants: number;
  pence: string;
  people: string | null;
  sent: number;
  due: number;
  overdue: number;
}

/**
 * Grants, money, people reached and reports (sent, due, overdue on `today`, a London day) in one
 * statement: for the whole fund, by priority (a grant with two priorities counts under both; null for
 * grants with none) and by phase. With `$funder`, only the grants that funder paid towards, and only its
 * part of their money. People reached are the short forms' counts of people, once sent.
 */
export async function reportingFigures(em: EntityManager, args: { fundId: string; funderId: string | null; today: string }): Promise<FiguresRow[]> {
  return run<FiguresRow>(
    em,
    `WITH grants AS (
       SELECT g.id, a.phase_id, a.priority_tags,
              CASE WHEN $funder::uuid IS NULL THEN g.amount_pence ELSE part.pence END AS pence,
              coalesce(r.status = 'SUBMITTED', false) AS sent,
              coalesce(r.status = 'DRAFT' AND g.reporting <> 'NONE' AND NOT coalesce(g.report_due_on < $today::date, false), false) AS due,
              coalesce(r.status = 'DRAFT' AND g.reporting <> 'NONE' AND g.report_due_on < $today::date, false) AS overdue,
              CASE WHEN r.status = 'SUBMITTED' AND g.reporting = 'SHORT_FORM' THEN r.people_count END AS people
         FROM fund_grant g
         JOIN application a ON a.id = g.application_id
         LEFT JOIN report r ON r.grant_id = g.id
         LEFT JOIN LATERAL (SELECT sum(dr.amount_pence) AS pence
                              FROM award_draw dr JOIN contribution co ON co.id = dr.contribution_id
                             WHERE dr.decision_id = g.decision_id AND co.funder_id = $funder::uuid) part ON $funder::uuid IS NOT NULL
        WHERE a.fund_id = $fund::uuid AND ($funder::uuid IS NULL OR part.pence IS NOT NULL)
     )
     SELECT 'all' AS level, NULL AS key, NULL AS label, NULL::int AS position, m.* FROM (
       SELECT count(*)::int AS grants, coalesce(sum(pence), 0)::bigint AS pence, sum(people)::bigint AS people,
              count(*) FILTER (WHERE sent)::int AS sent, count(*) FILTER (WHERE due)::int AS due, count(*) FILTER (WHERE overdue)::int AS overdue
         FROM grants) m
     UNION ALL
     SELECT 'priority', t.tag, coalesce(p.label, t.tag), p.position,
            count(*)::int, coalesce(sum(gr.pence), 0)::bigint, sum(gr.people)::bigint,
            count(*) FILTER (WHERE gr.sent)::int, count(*) FILTER (WHERE gr.due)::int, count(*) FILTER (WHERE gr.overdue)::int
       FROM grants gr
       LEFT JOIN LATERAL unnest(gr.priority_tags) AS t(tag) ON true
       LEFT JOIN priority p ON p.fund_id = $fund::uuid AND p.key = t.tag
      GROUP BY t.tag, p.label, p.position
     UNION ALL
     SELECT 'phase', ph.id::text, ph.name, ph.position,
            count(*)::int, coalesce(sum(gr.pence), 0)::bigint, sum(gr.people)::bigint,
            count(*) FILTER (WHERE gr.sent)::int, count(*) FILTER (WHERE gr.due)::int, count(*) FILTER (WHERE gr.overdue)::int
       FROM grants gr JOIN phase ph ON ph.id = gr.phase_id
      GROUP BY ph.id, ph.name, ph.position
      ORDER BY level, position NULLS LAST, label`,
    { fund: args.fundId, funder: args.funderId, today: args.today },
  );
}
