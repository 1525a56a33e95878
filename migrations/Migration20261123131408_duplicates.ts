import { Migration } from '@mikro-orm/migrations';

export class Migration20261123131408_duplicates extends Migration {

  override name = 'Migration20261123131408_duplicates';

  override up(): void | Promise<void> {
    // Trigram search on names (pg_trgm ships with PostgreSQL, the embedded build included).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "duplicate_kind" as enum ('SAME_GROUP', 'SAME_WORK');`);
    this.addSql(`create type "duplicate_verdict" as enum ('DUPLICATE', 'NOT_DUPLICATE', 'COMPLEMENTARY');`);
    this.addSql(`create table "external_grant_import" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "file_name" varchar(200) not null, "funder_names" text[] not null, "grant_count" int not null, "skipped_individuals" int not null, "imported_by_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "external_grant_import_fund_id_created_at_index" on "external_grant_import" ("fund_id", "created_at");`);

    this.addSql(`create table "external_grant" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "imported_from_id" uuid not null, "grant_identifier" varchar(200) not null, "title" text not null, "description" text null, "currency" varchar(3) not null, "amount_awarded_minor" bigint not null, "award_date" date not null, "planned_start" date null, "planned_end" date null, "recipient_name" text not null, "recipient_org_id" varchar(200) null, "charity_number" varchar(20) null, "company_number" varchar(20) null, "postcode" varchar(10) null, "areas" text[] not null, "funder_name" text not null, "funder_identifier" varchar(200) null, primary key ("id"));`);
    this.addSql(`alter table "external_grant" add constraint "external_grant_fund_id_grant_identifier_unique" unique ("fund_id", "grant_identifier");`);

    this.addSql(`create table "match_record" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "application_id" uuid null, "external_grant_id" uuid null, "name_core" text not null, "keys" text[] not null, "record" jsonb not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "match_record" add constraint "match_record_application_id_unique" unique ("application_id");`);
    this.addSql(`alter table "match_record" add constraint "match_record_external_grant_id_unique" unique ("external_grant_id");`);
    this.addSql(`create index "match_record_fund_id_index" on "match_record" ("fund_id");`);
    this.addSql(`alter table "match_record" add constraint "match_record_one_source" check ((num_nonnulls(application_id, external_grant_id) = 1));`);
    this.addSql(`create index "match_record_name_trgm" on "match_record" using gin ("name_core" gin_trgm_ops);`);
    this.addSql(`create index "match_record_keys_gin" on "match_record" using gin ("keys");`);

    this.addSql(`create table "duplicate_flag" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "record_a_id" uuid not null, "record_b_id" uuid not null, "kind" "duplicate_kind" not null, "score" double precision not null, "reasons" text[] not null, "current" boolean not null default true, "verdict" "duplicate_verdict" null, "note" text null, "reviewed_by_id" uuid null, "reviewed_at" timestamptz null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "duplicate_flag_fund_id_kind_index" on "duplicate_flag" ("fund_id", "kind");`);
    this.addSql(`create index "duplicate_flag_record_b_id_index" on "duplicate_flag" ("record_b_id");`);
    this.addSql(`alter table "duplicate_flag" add constraint "duplicate_flag_record_a_id_record_b_id_unique" unique ("record_a_id", "record_b_id");`);

    this.addSql(`alter table "bank_details" add "account_key" varchar(64) null;`);
    this.addSql(`create index "bank_details_account_key_index" on "bank_details" ("account_key");`);

    this.addSql(`alter table "external_grant_import" add constraint "external_grant_import_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "external_grant_import" add constraint "external_grant_import_imported_by_id_foreign" foreign key ("imported_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "external_grant" add constraint "external_grant_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "external_grant" add constraint "external_grant_imported_from_id_foreign" foreign key ("imported_from_id") references "external_grant_import" ("id") on delete cascade;`);

    this.addSql(`alter table "match_record" add constraint "match_record_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "match_record" add constraint "match_record_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete cascade;`);
    this.addSql(`alter table "match_record" add constraint "match_record_external_grant_id_foreign" foreign key ("external_grant_id") references "external_grant" ("id") on delete cascade;`);

    this.addSql(`alter table "duplicate_flag" add constraint "duplicate_flag_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "duplicate_flag" add constraint "duplicate_flag_record_a_id_foreign" foreign key ("record_a_id") references "match_record" ("id") on delete cascade;`);
    this.addSql(`alter table "duplicate_flag" add constraint "duplicate_flag_record_b_id_foreign" foreign key ("record_b_id") references "match_record" ("id") on delete cascade;`);
    this.addSql(`alter table "duplicate_flag" add constraint "duplicate_flag_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "duplicate_flag" add constraint "duplicate_flag_pair_order" check ((record_a_id < record_b_id));`);

    // The panel pack shows each application's flags, so a flag found or reviewed must empty the pack
    // cache: the same function as before, with duplicate_flag among the tables that name their fund.
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
    this.addSql(`create constraint trigger "duplicate_flag_fund_data_changed" after insert or update or delete on "duplicate_flag" deferrable initially deferred for each row execute function fund_data_changed();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "duplicate_flag_fund_data_changed" on "duplicate_flag";`);
    this.addSql(`alter table "external_grant" drop constraint "external_grant_imported_from_id_foreign";`);
    this.addSql(`alter table "match_record" drop constraint "match_record_external_grant_id_foreign";`);
    this.addSql(`alter table "duplicate_flag" drop constraint "duplicate_flag_record_a_id_foreign";`);
    this.addSql(`alter table "duplicate_flag" drop constraint "duplicate_flag_record_b_id_foreign";`);

    this.addSql(`drop table if exists "external_grant_import" cascade;`);
    this.addSql(`drop table if exists "external_grant" cascade;`);
    this.addSql(`drop table if exists "match_record" cascade;`);
    this.addSql(`drop table if exists "duplicate_flag" cascade;`);

    this.addSql(`drop index "bank_details_account_key_index";`);
    this.addSql(`alter table "bank_details" drop column "account_key";`);

    this.addSql(`drop type "duplicate_kind";`);
    this.addSql(`drop type "duplicate_verdict";`);
    this.addSql(`drop extension if exists pg_trgm;`);
  }

}
