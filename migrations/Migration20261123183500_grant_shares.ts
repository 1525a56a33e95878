import { Migration } from '@mikro-orm/migrations';

/** The funder of a coverage row that counts whole grants rather than one funder's part of them. */
const WHOLE = `'00000000-0000-0000-0000-000000000000'::uuid`;

export class Migration20261123183500_grant_shares extends Migration {

  override name = 'Migration20261123183500_grant_shares';

  override up(): void | Promise<void> {
    // A grant's share of money for one of the areas it serves: the whole grant shared equally among its
    // application's area codes in whole pence, the odd pence to the codes first in the list.
    this.addSql(`create function grant_share_pence(pence bigint, areas int, share_position int) returns bigint
      language sql immutable parallel safe return
        pence / greatest(areas, 1) + case when share_position <= pence % greatest(areas, 1) then 1 else 0 end;`);

    // Where money for an area code lands on a map of one level, from the code's own area row and the
    // codes of its ward and local authority when the portal holds them: in an area of the level (an LSOA
    // in itself, its ward and its local authority; a ward in itself and its local authority), or why it
    // is in none: 'no_area' (no code), 'wider:<code>' (a ward or local authority code on a finer map,
    // never spread over the areas inside it), 'unplaced:<code>' (a code the portal does not hold, or an
    // area whose ward or local authority it does not hold).
    this.addSql(`create function area_place(code text, kind area_kind, ward_code text, local_authority_code text, level area_kind) returns text
      language sql immutable parallel safe return
        case when code is null then 'no_area'
             when kind is null then 'unplaced:' || code
             when level = 'LSOA' then case when kind = 'LSOA' then code else 'wider:' || code end
             when level = 'WARD' then case kind when 'LSOA' then coalesce(ward_code, 'unplaced:' || code) when 'WARD' then code else 'wider:' || code end
             else case when kind = 'LOCAL_AUTHORITY' then code else coalesce(local_authority_code, 'unplaced:' || code) end
        end;`);

    // Each grant placed once, for the coverage map: one row per area code its application names (one
    // row without a code when it names none), with what the map filters on, its place at each level (and
    // in how many places the grant has money at each level) and each funder's part of the whole grant
    // (from the award's draws). Kept by the triggers below, so the
    // map reads grants already split and placed.
    this.addSql(`create table "grant_share" (
      "grant_id" uuid not null,
      "position" smallint not null,
      "fund_id" uuid not null,
      "phase_id" uuid not null,
      "decision_id" uuid not null,
      "awarded_on" date not null,
      "tags" text[] not null,
      "code" text null,
      "areas" smallint not null,
      "amount_pence" bigint not null,
      "share_pence" bigint not null,
      "place_lsoa" text not null,
      "place_ward" text not null,
      "place_la" text not null,
      "places_lsoa" smallint not null,
      "places_ward" smallint not null,
      "places_la" smallint not null,
      "funder_ids" uuid[] not null,
      "funder_pence" bigint[] not null,
      primary key ("grant_id", "position"));`);
    this.addSql(`alter table "grant_share" add constraint "grant_share_grant_id_foreign" foreign key ("grant_id") references "fund_grant" ("id") on delete cascade;`);
    this.addSql(`create index "grant_share_fund_id_index" on "grant_share" ("fund_id");`);
    this.addSql(`create index "grant_share_code_index" on "grant_share" ("code");`);
    // The map counts each grant with money in several places once: it reads these shares alone.
    this.addSql(`create index "grant_share_spread_index" on "grant_share" ("fund_id", "grant_id", "place_lsoa", "place_ward", "place_la", "places_lsoa", "places_ward", "places_la", "funder_ids") where "areas" > 1;`);
    // Placing a grant reads its award's draws.
    this.addSql(`create index "award_draw_decision_id_index" on "award_draw" ("decision_id");`);

    // The money in each place of each level, summed over the fund's grants, for whole grants (funder
    // ${WHOLE}) and for each funder's part: what the unfiltered map and one funder's map show. A grant
    // counts once in a place however many of its areas are there; `single_grants` are those with no
    // money in any other place of the level. Rows whose grants fall to zero stay, as zeros.
    this.addSql(`create table "coverage_money" (
      "fund_id" uuid not null,
      "funder_id" uuid not null,
      "level" area_kind not null,
      "place" text not null,
      "grants" int not null,
      "single_grants" int not null,
      "pence" bigint not null,
      primary key ("fund_id", "funder_id", "level", "place"));`);
    // The same grants by their set of priorities, for the communities' table and the totals.
    this.addSql(`create table "coverage_tag_money" (
      "fund_id" uuid not null,
      "funder_id" uuid not null,
      "tags" text[] not null,
      "grants" int not null,
      "pence" bigint not null,
      primary key ("fund_id", "funder_id", "tags"));`);

    // Adds (sign 1) or takes away (sign -1) what the grants' current shares put into the sums.
    this.addSql(`create function coverage_money_add(grant_ids uuid[], sign int) returns void language sql as $$
      insert into coverage_money as m (fund_id, funder_id, level, place, grants, single_grants, pence)
      select fund_id, funder_id, level, place, sign * count(*), sign * count(*) filter (where places = 1), sign * sum(pence)
        from (select fund_id, funder_id, level, place, sum(pence) as pence, min(places) as places, grant_id
                from (select s.fund_id, s.grant_id, f.funder_id, f.pence, l.level, l.place, l.places
                        from grant_share s
                        cross join lateral (select ${WHOLE}, s.share_pence
                                            union all
                                            select part.funder_id, grant_share_pence(part.pence, s.areas, s.position)
                                              from unnest(s.funder_ids, s.funder_pence) as part(funder_id, pence)) as f(funder_id, pence)
                        cross join lateral (values ('LSOA'::area_kind, s.place_lsoa, s.places_lsoa), ('WARD', s.place_ward, s.places_ward),
                                                   ('LOCAL_AUTHORITY', s.place_la, s.places_la)) as l(level, place, places)
                       where s.grant_id = any (grant_ids)) share_parts
               group by fund_id, funder_id, level, place, grant_id) grant_places
       group by fund_id, funder_id, level, place
       order by fund_id, funder_id, level, place
      on conflict (fund_id, funder_id, level, place)
      do update set grants = m.grants + excluded.grants, single_grants = m.single_grants + excluded.single_grants, pence = m.pence + excluded.pence;

      insert into coverage_tag_money as m (fund_id, funder_id, tags, grants, pence)
      select s.fund_id, f.funder_id, s.tags, sign * count(*), sign * sum(f.pence)
        from grant_share s
        cross join lateral (select ${WHOLE}, s.amount_pence
                            union all
                            select * from unnest(s.funder_ids, s.funder_pence)) as f(funder_id, pence)
       where s.grant_id = any (grant_ids) and s.position = 1
       group by s.fund_id, f.funder_id, s.tags
       order by s.fund_id, f.funder_id, s.tags
      on conflict (fund_id, funder_id, tags)
      do update set grants = m.grants + excluded.grants, pence = m.pence + excluded.pence;
    $$;`);

    // Places the grants afresh: takes their old shares out of the sums, splits and places them again
    // from their application, decision, draws and the areas, and adds them back. Each fund's version is
    // raised first, so a fund's sums only ever change under its version row's lock, one transaction at a
    // time, and the coverage cache (keyed by that version) sees the change.
    // Raises the version of each fund the grants are (or were placed) in, in order, taking its row's lock.
    this.addSql(`create function grant_funds_changed(grant_ids uuid[]) returns void language sql as $$
      insert into fund_data_version as v (fund_id, version)
      select distinct fund_id, 1 from (
        select a.fund_id from fund_grant g join application a on a.id = g.application_id where g.id = any (grant_ids)
        union all
        select fund_id from grant_share where grant_id = any (grant_ids)
      ) funds
      order by fund_id
      on conflict (fund_id) do update set version = v.version + 1;
    $$;`);

    this.addSql(`create function grant_shares_refresh(grant_ids uuid[]) returns void language plpgsql as $$
      begin
        perform grant_funds_changed(grant_ids);
        perform coverage_money_add(grant_ids, -1);
        delete from grant_share where grant_id = any (grant_ids);
        with parts as (
          select decision_id, array_agg(funder_id order by funder_id) as funder_ids, array_agg(pence order by funder_id) as funder_pence
            from (select dr.decision_id, co.funder_id, sum(dr.amount_pence)::bigint as pence
                    from award_draw dr join contribution co on co.id = dr.contribution_id
                   where dr.decision_id in (select decision_id from fund_grant where id = any (grant_ids))
                   group by dr.decision_id, co.funder_id) by_funder
           group by decision_id
        ),
        shares as (
          select g.id as grant_id, coalesce(c.position, 1) as position, a.fund_id, a.phase_id, g.decision_id,
                 (d.decided_at at time zone 'Europe/London')::date as awarded_on, a.priority_tags as tags, c.code,
                 cardinality(a.area_codes) as areas, g.amount_pence,
                 grant_share_pence(g.amount_pence, cardinality(a.area_codes), coalesce(c.position, 1)::int) as share_pence,
                 area_place(c.code, ar.kind, ward.code, authority.code, 'LSOA') as place_lsoa,
                 area_place(c.code, ar.kind, ward.code, authority.code, 'WARD') as place_ward,
                 area_place(c.code, ar.kind, ward.code, authority.code, 'LOCAL_AUTHORITY') as place_la,
                 coalesce(parts.funder_ids, '{}') as funder_ids, coalesce(parts.funder_pence, '{}') as funder_pence
            from fund_grant g
            join application a on a.id = g.application_id
            join decision d on d.id = g.decision_id
            left join lateral unnest(a.area_codes) with ordinality as c(code, position) on true
            left join area ar on ar.code = c.code
            left join area ward on ward.code = ar.ward_code
            left join area authority on authority.code = ar.local_authority_code
            left join parts on parts.decision_id = g.decision_id
           where g.id = any (grant_ids)
        ),
        places as (
          select grant_id, count(distinct place_lsoa) as lsoa, count(distinct place_ward) as ward, count(distinct place_la) as la
            from shares group by grant_id
        )
        insert into grant_share (grant_id, position, fund_id, phase_id, decision_id, awarded_on, tags, code, areas, amount_pence, share_pence,
                                 place_lsoa, place_ward, place_la, places_lsoa, places_ward, places_la, funder_ids, funder_pence)
        select s.grant_id, s.position, s.fund_id, s.phase_id, s.decision_id, s.awarded_on, s.tags, s.code, s.areas, s.amount_pence, s.share_pence,
               s.place_lsoa, s.place_ward, s.place_la, p.lsoa, p.ward, p.la, s.funder_ids, s.funder_pence
          from shares s join places p on p.grant_id = s.grant_id;
        perform coverage_money_add(grant_ids, 1);
      end $$;`);

    // Grants are placed again at commit, when whatever they are made from has changed (deferred, like
    // the fund's version, so the sums' rows are among the last locks a transaction takes).
    this.addSql(`create function grant_shares_changed() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'fund_grant' then
          perform grant_shares_refresh(array[new.id]);
        elsif tg_table_name = 'application' then
          perform grant_shares_refresh(array(select id from fund_grant where application_id = new.id));
        elsif tg_table_name = 'decision' then
          perform grant_shares_refresh(array(select id from fund_grant where decision_id = new.id));
        elsif tg_op = 'DELETE' then
          perform grant_shares_refresh(array(select id from fund_grant where decision_id = old.decision_id));
        elsif tg_op = 'INSERT' then
          perform grant_shares_refresh(array(select id from fund_grant where decision_id = new.decision_id));
        else
          perform grant_shares_refresh(array(select id from fund_grant where decision_id = new.decision_id or decision_id = old.decision_id));
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "fund_grant_shares" after insert or update of amount_pence, application_id, decision_id on "fund_grant"
      deferrable initially deferred for each row execute function grant_shares_changed();`);
    this.addSql(`create constraint trigger "application_grant_shares" after update of area_codes, priority_tags, phase_id, fund_id on "application"
      deferrable initially deferred for each row
      when (old.area_codes is distinct from new.area_codes or old.priority_tags is distinct from new.priority_tags
            or old.phase_id is distinct from new.phase_id or old.fund_id is distinct from new.fund_id)
      execute function grant_shares_changed();`);
    this.addSql(`create constraint trigger "decision_grant_shares" after update of decided_at on "decision"
      deferrable initially deferred for each row when (old.decided_at is distinct from new.decided_at) execute function grant_shares_changed();`);
    this.addSql(`create constraint trigger "award_draw_grant_shares" after insert or update or delete on "award_draw"
      deferrable initially deferred for each row execute function grant_shares_changed();`);

    // A grant deleted (or its application or decision) takes its money out of the sums with it.
    this.addSql(`create function grant_shares_removed() returns trigger language plpgsql as $$
      begin
        perform grant_funds_changed(array[old.id]);
        perform coverage_money_add(array[old.id], -1);
        delete from grant_share where grant_id = old.id;
        return old;
      end $$;`);
    this.addSql(`create trigger "fund_grant_shares_removed" before delete on "fund_grant" for each row execute function grant_shares_removed();`);

    // Areas added, removed or moved to another ward or local authority place their grants again, and
    // the grants of the areas inside them (whose places at a coarser level may come or go with them).
    this.addSql(`create function areas_within(codes text[]) returns table (code text) language sql stable as $$
      select unnest(codes)
      union
      select a.code from area a where a.ward_code = any (codes) or a.local_authority_code = any (codes)
    $$;`);
    this.addSql(`create function area_grant_shares_changed() returns trigger language plpgsql as $$
      begin
        perform grant_shares_refresh(array(
          select distinct s.grant_id from grant_share s
           where s.code in (select code from areas_within(array(
                              select n.code from new_areas n left join old_areas o on o.id = n.id
                               where o.id is null or o.code is distinct from n.code or o.kind is distinct from n.kind
                                  or o.ward_code is distinct from n.ward_code or o.local_authority_code is distinct from n.local_authority_code
                              union all
                              select o.code from old_areas o left join new_areas n on n.id = o.id
                               where n.id is null or o.code is distinct from n.code)))));
        return null;
      end $$;`);
    this.addSql(`create function area_grant_shares_inserted() returns trigger language plpgsql as $$
      begin
        perform grant_shares_refresh(array(select distinct s.grant_id from grant_share s where s.code in (select code from areas_within(array(select code from new_areas)))));
        return null;
      end $$;`);
    this.addSql(`create function area_grant_shares_deleted() returns trigger language plpgsql as $$
      begin
        perform grant_shares_refresh(array(select distinct s.grant_id from grant_share s where s.code in (select code from areas_within(array(select code from old_areas)))));
        return null;
      end $$;`);
    this.addSql(`create trigger "area_grant_shares_updated" after update on "area" referencing old table as old_areas new table as new_areas
      for each statement execute function area_grant_shares_changed();`);
    this.addSql(`create trigger "area_grant_shares_inserted" after insert on "area" referencing new table as new_areas
      for each statement execute function area_grant_shares_inserted();`);
    this.addSql(`create trigger "area_grant_shares_deleted" after delete on "area" referencing old table as old_areas
      for each statement execute function area_grant_shares_deleted();`);

    this.addSql(`select grant_shares_refresh(array(select id from fund_grant));`);
  }

  override down(): void | Promise<void> {
    for (const [trigger, table] of [['area_grant_shares_deleted', 'area'], ['area_grant_shares_inserted', 'area'], ['area_grant_shares_updated', 'area'], ['fund_grant_shares_removed', 'fund_grant'], ['award_draw_grant_shares', 'award_draw'], ['decision_grant_shares', 'decision'], ['application_grant_shares', 'application'], ['fund_grant_shares', 'fund_grant']]) {
      this.addSql(`drop trigger if exists "${trigger}" on "${table}";`);
    }
    for (const fn of ['areas_within(text[])', 'area_grant_shares_deleted()', 'area_grant_shares_inserted()', 'area_grant_shares_changed()', 'grant_shares_removed()', 'grant_shares_changed()', 'grant_shares_refresh(uuid[])', 'coverage_money_add(uuid[], int)', 'grant_funds_changed(uuid[])', 'area_place(text, area_kind, text, text, area_kind)', 'grant_share_pence(bigint, int, int)']) {
      this.addSql(`drop function if exists ${fn};`);
    }
    this.addSql(`drop table if exists "coverage_tag_money";`);
    this.addSql(`drop table if exists "coverage_money";`);
    this.addSql(`drop table if exists "grant_share";`);
    this.addSql(`drop index if exists "award_draw_decision_id_index";`);
  }

}
