import { Migration } from '@mikro-orm/migrations';

export class Migration20261123182325_reports extends Migration {

  override name = 'Migration20261123182325_reports';

  override up(): void | Promise<void> {
    this.addSql(`create type "report_status" as enum ('DRAFT', 'SUBMITTED');`);
    this.addSql(`create type "story_consent" as enum ('NOT_SHARED', 'FUNDERS', 'PUBLIC');`);
    this.addSql(`create table "reporting_policy" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "sentences_from_pence" int not null, "short_form_from_pence" int not null, "due_weeks" smallint not null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "reporting_policy" add constraint "reporting_policy_fund_id_unique" unique ("fund_id");`);

    this.addSql(`create table "report" ("id" uuid not null, "created_at" timestamptz not null, "grant_id" uuid not null, "status" "report_status" not null default 'DRAFT', "sentences" text null, "what_happened" text null, "people_count" int null, "story" text null, "what_changed" text null, "money_left_pence" int null, "story_consent" "story_consent" null, "submitted_at" timestamptz null, "taken_by_id" uuid null, "typing" jsonb not null, "updated_at" timestamptz not null, "due_soon_reminded_at" timestamptz null, "overdue_reminded_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "report" add constraint "report_grant_id_unique" unique ("grant_id");`);
    this.addSql(`create index "report_status_index" on "report" ("status");`);

    this.addSql(`create table "report_reply" ("id" uuid not null, "created_at" timestamptz not null, "report_id" uuid not null, "author_id" uuid not null, "message" text not null, primary key ("id"));`);

    this.addSql(`create table "report_photo" ("id" uuid not null, "created_at" timestamptz not null, "report_id" uuid not null, "storage_key" varchar(80) not null, "width" int not null, "height" int not null, "bytes" int not null, "description" varchar(300) null, primary key ("id"));`);
    this.addSql(`alter table "report_photo" add constraint "report_photo_report_id_unique" unique ("report_id");`);

    this.addSql(`create table "report_link" ("id" uuid not null, "created_at" timestamptz not null, "report_id" uuid not null, "token_hash" varchar(64) not null, "sent_to" varchar(254) not null, primary key ("id"));`);
    this.addSql(`alter table "report_link" add constraint "report_link_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "fund_grant" add "report_due_on" date null, add "version" int not null default 1;`);

    // Grants awarded before reports existed: due 12 weeks (the default policy) after their meeting
    // closed, with a report waiting. Their groups get a link when an officer sends one (sendReportLink).
    this.addSql(`update "fund_grant" g set "report_due_on" = (m."closed_at" at time zone 'Europe/London')::date + 84
      from "decision" d join "panel_meeting" m on m."id" = d."meeting_id"
      where d."id" = g."decision_id" and g."reporting" <> 'NONE' and m."closed_at" is not null;`);

    this.addSql(`alter table "reporting_policy" add constraint "reporting_policy_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);

    this.addSql(`alter table "report" add constraint "report_grant_id_foreign" foreign key ("grant_id") references "fund_grant" ("id") on delete cascade;`);
    this.addSql(`alter table "report" add constraint "report_taken_by_id_foreign" foreign key ("taken_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "report_reply" add constraint "report_reply_report_id_foreign" foreign key ("report_id") references "report" ("id") on delete cascade;`);
    this.addSql(`alter table "report_reply" add constraint "report_reply_author_id_foreign" foreign key ("author_id") references "app_user" ("id");`);

    this.addSql(`alter table "report_photo" add constraint "report_photo_report_id_foreign" foreign key ("report_id") references "report" ("id") on delete cascade;`);

    this.addSql(`alter table "report_link" add constraint "report_link_report_id_foreign" foreign key ("report_id") references "report" ("id") on delete cascade;`);

    this.addSql(`insert into "report" ("id", "created_at", "grant_id", "status", "typing", "updated_at")
      select gen_random_uuid(), now(), g."id", 'DRAFT', '{}', now() from "fund_grant" g where g."reporting" <> 'NONE';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "report_reply" drop constraint "report_reply_report_id_foreign";`);
    this.addSql(`alter table "report_photo" drop constraint "report_photo_report_id_foreign";`);
    this.addSql(`alter table "report_link" drop constraint "report_link_report_id_foreign";`);

    this.addSql(`drop table if exists "reporting_policy" cascade;`);
    this.addSql(`drop table if exists "report" cascade;`);
    this.addSql(`drop table if exists "report_reply" cascade;`);
    this.addSql(`drop table if exists "report_photo" cascade;`);
    this.addSql(`drop table if exists "report_link" cascade;`);

    this.addSql(`alter table "fund_grant" drop column "report_due_on", drop column "version";`);

    this.addSql(`drop type "report_status";`);
    this.addSql(`drop type "story_consent";`);
  }

}
