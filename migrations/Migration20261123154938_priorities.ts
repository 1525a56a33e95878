import { Migration } from '@mikro-orm/migrations';

export class Migration20261123154938_priorities extends Migration {

  override name = 'Migration20261123154938_priorities';

  override up(): void | Promise<void> {
    this.addSql(`create type "priority_kind" as enum ('THEME', 'COMMUNITY');`);
    this.addSql(`create table "priority" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "key" varchar(60) not null, "label" varchar(80) not null, "kind" "priority_kind" not null, "description" varchar(300) null, "position" int not null, "retired" boolean not null default false, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "priority_fund_id_position_index" on "priority" ("fund_id", "position");`);
    this.addSql(`alter table "priority" add constraint "priority_fund_id_key_unique" unique ("fund_id", "key");`);

    this.addSql(`create table "funder_focus" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "funder_id" uuid not null, "priority_id" uuid not null, "marked_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "funder_focus_priority_id_index" on "funder_focus" ("priority_id");`);
    this.addSql(`alter table "funder_focus" add constraint "funder_focus_fund_id_funder_id_priority_id_unique" unique ("fund_id", "funder_id", "priority_id");`);

    this.addSql(`alter table "priority" add constraint "priority_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "priority" add constraint "priority_key_format" check (((key)::text ~ '^[a-z0-9]+(-[a-z0-9]+)*\$'::text));`);

    this.addSql(`alter table "funder_focus" add constraint "funder_focus_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "funder_focus" add constraint "funder_focus_funder_id_foreign" foreign key ("funder_id") references "funder" ("id") on delete cascade;`);
    this.addSql(`alter table "funder_focus" add constraint "funder_focus_priority_id_foreign" foreign key ("priority_id") references "priority" ("id") on delete cascade;`);
    this.addSql(`alter table "funder_focus" add constraint "funder_focus_marked_by_id_foreign" foreign key ("marked_by_id") references "app_user" ("id") on delete set null;`);

    // Every fund so far had the fixed list (shared/taxonomy.ts as it was): each gets it as its own
    // taxonomy, with the same keys, so every tag and restriction already stored still names a priority.
    // Written out here rather than read from the code, which may change after this migration.
    this.addSql(`insert into "priority" ("id", "created_at", "fund_id", "key", "label", "kind", "position")
      select gen_random_uuid(), now(), f.id, d.key, d.label, d.kind::priority_kind, d.position
        from fund f cross join (values
        (0, 'financial-hardship', 'Financial hardship', 'THEME'),
        (1, 'food', 'Food', 'THEME'),
        (2, 'mental-health', 'Mental health', 'THEME'),
        (3, 'isolation', 'Isolation and loneliness', 'THEME'),
        (4, 'children-young-people', 'Children and young people', 'THEME'),
        (5, 'domestic-abuse', 'Domestic abuse', 'THEME'),
        (6, 'digital-inclusion', 'Digital inclusion', 'THEME'),
        (7, 'arts-culture', 'Arts and culture', 'THEME'),
        (8, 'sport', 'Sport and physical activity', 'THEME'),
        (9, 'environment', 'Environment', 'THEME'),
        (10, 'older-people', 'Older people', 'COMMUNITY'),
        (11, 'disabled-people', 'Disabled people', 'COMMUNITY'),
        (12, 'black-asian-minority-ethnic', 'Black, Asian and minority ethnic communities', 'COMMUNITY'),
        (13, 'lgbtq', 'LGBTQ+ people', 'COMMUNITY'),
        (14, 'young-carers', 'Young carers', 'COMMUNITY'),
        (15, 'bereaved-people', 'Bereaved people', 'COMMUNITY'),
        (16, 'rural-communities', 'Rural communities', 'COMMUNITY')
      ) as d(position, key, label, kind);`);
    // Keys used by an application or contribution but not in that list (none should be): kept as
    // retired priorities named by their key, so nothing loses a tag and the coordinator can rename them.
    this.addSql(`insert into "priority" ("id", "created_at", "fund_id", "key", "label", "kind", "position", "retired")
      select gen_random_uuid(), now(), used.fund_id, used.key, left(used.key, 80), 'THEME', 100 + row_number() over (partition by used.fund_id order by used.key), true
        from (select fund_id, unnest(priority_tags) as key from application
              union select fund_id, unnest(restricted_to_priorities) from contribution) used
       where used.key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(used.key) <= 60
         and not exists (select 1 from priority p where p.fund_id = used.fund_id and p.key = used.key)
       group by used.fund_id, used.key;`);

    // The panel pack shows priority labels from this table, so a priority changed must empty the pack
    // cache: the same function as before, with priority among the tables that name their fund.
    this.addSql(`create or replace function bump_fund_data_version(changed_table text, changed jsonb) returns void language sql as $$
      insert into fund_data_version (fund_id, version)
        select distinct fund_id, 1 from (
          select (changed->>'id')::uuid as fund_id where changed_table = 'fund'
          union all select (changed->>'fund_id')::uuid where changed_table in ('phase', 'contribution', 'fund_membership', 'panel_meeting', 'duplicate_flag', 'priority')
          union all select (changed->>'fund_id')::uuid where changed_table = 'application' and changed->>'meeting_id' is not null
          union all select a.fund_id from application a where changed_table in ('score', 'conflict_of_interest', 'decision') and a.id = (changed->>'application_id')::uuid
          union all select c.fund_id from contribution c where changed_table = 'award_draw' and c.id = (changed->>'contribution_id')::uuid
          union all select a.fund_id from fund_grant g join application a on a.id = g.application_id where changed_table = 'payment' and g.id = (changed->>'grant_id')::uuid
          union all select a.fund_id from application a where changed_table = 'applicant_group' and a.group_id = (changed->>'id')::uuid and a.meeting_id is not null
          union all select c.fund_id from contribution c where changed_table = 'funder' and c.funder_id = (changed->>'id')::uuid
          union all select m.fund_id from fund_membership m where changed_table = 'app_user' and m.user_id = (changed->>'id')::uuid
        ) funds where fund_id is not null
      on conflict (fund_id) do update set version = fund_data_version.version + 1
    $$;`);
    this.addSql(`create constraint trigger "priority_fund_data_changed" after insert or update or delete on "priority" deferrable initially deferred for each row execute function fund_data_changed();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "priority_fund_data_changed" on "priority";`);
    this.addSql(`create or replace function bump_fund_data_version(changed_table text, changed jsonb) returns void language sql as $$
      insert into fund_data_version (fund_id, version)
        select distinct fund_id, 1 from (
          select (changed->>'id')::uuid as fund_id where changed_table = 'fund'
          union all select (changed->>'fund_id')::uuid where changed_table in ('phase', 'contribution', 'fund_membership', 'panel_meeting', 'duplicate_flag')
          union all select (changed->>'fund_id')::uuid where changed_table = 'application' and changed->>'meeting_id' is not null
          union all select a.fund_id from application a where changed_table in ('score', 'conflict_of_interest', 'decision') and a.id = (changed->>'application_id')::uuid
          union all select c.fund_id from contribution c where changed_table = 'award_draw' and c.id = (changed->>'contribution_id')::uuid
          union all select a.fund_id from fund_grant g join application a on a.id = g.application_id where changed_table = 'payment' and g.id = (changed->>'grant_id')::uuid
          union all select a.fund_id from application a where changed_table = 'applicant_group' and a.group_id = (changed->>'id')::uuid and a.meeting_id is not null
          union all select c.fund_id from contribution c where changed_table = 'funder' and c.funder_id = (changed->>'id')::uuid
          union all select m.fund_id from fund_membership m where changed_table = 'app_user' and m.user_id = (changed->>'id')::uuid
        ) funds where fund_id is not null
      on conflict (fund_id) do update set version = fund_data_version.version + 1
    $$;`);
    this.addSql(`alter table "funder_focus" drop constraint "funder_focus_priority_id_foreign";`);

    this.addSql(`drop table if exists "priority" cascade;`);
    this.addSql(`drop table if exists "funder_focus" cascade;`);

    this.addSql(`drop type "priority_kind";`);
  }

}
