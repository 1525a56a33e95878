import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationStatus } from '../../../shared/domain.ts';
import { Application } from '../applications/application.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Fund } from '../funds/fund.entity.ts';
import { nextPanel } from '../funds/fund.service.ts';
import { MeetingStatus, PanelMeeting } from './panel-meeting.entity.ts';

/**
 * The weekly rhythm, run by a job every few minutes: every fund has its next meeting scheduled, and
 * once a meeting's cut-off passes, the applications marked ready by then join its agenda. Whatever is
 * ready later stays checked and rolls to the following week's cut-off. Safe to run twice, or on two
 * servers at once: meetings are unique per fund and time, and each agenda is built under a row lock.
 */
export async function runPanelRhythm(em: EntityManager, now = new Date()) {
  let scheduled = 0;
  for (const fund of await em.find(Fund, {})) {
    const { meetsAt, cutoffAt } = nextPanel(fund, now);
    const inserted = await em.getConnection().execute<{ id: string }[]>(
      `INSERT INTO panel_meeting (id, created_at, fund_id, meets_at, cutoff_at, status, version)
       VALUES (gen_random_uuid(), now(), ?, ?, ?, 'SCHEDULED', 1)
       ON CONFLICT (fund_id, meets_at) DO NOTHING RETURNING id`,
      [fund.id, meetsAt, cutoffAt],
    );
    scheduled += inserted.length;
  }

  let agendasBuilt = 0;
  let itemsAdded = 0;
  const due = await em.find(PanelMeeting, { status: MeetingStatus.SCHEDULED, agendaBuiltAt: null, cutoffAt: { $lte: now } }, { orderBy: { cutoffAt: 'asc' } });
  for (const candidate of due) {
    await em.transactional(async (tx) => {
      const meeting = await tx.findOne(PanelMeeting, { id: candidate.id, agendaBuiltAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!meeting) return;
      const ready = await tx.find(Application, {
        fund: meeting.fund,
        status: ApplicationStatus.CHECKED,
        meeting: null,
        readyForPanelAt: { $lte: meeting.cutoffAt },
      });
      for (const application of ready) {
        application.meeting = meeting;
        application.status = ApplicationStatus.ON_AGENDA;
      }
      meeting.agendaBuiltAt = now;
      recordAudit(tx, { actor: null, action: 'agenda.built', entityType: 'PanelMeeting', entityId: meeting.id, fundId: meeting.fund.id, changes: { applications: ready.length } });
      agendasBuilt += 1;
      itemsAdded += ready.length;
    });
  }
  return { scheduled, agendasBuilt, itemsAdded };
}
