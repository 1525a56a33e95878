import { Migration } from '@mikro-orm/migrations';

export class Migration20261123103139_application_drafts extends Migration {

  override name = 'Migration20261123103139_application_drafts';

  override up(): void | Promise<void> {
    this.addSql(`create table "application_draft" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" varchar(64) not null, "fund_id" uuid not null, "phase_id" uuid not null, "answers" jsonb not null, "assisted_by_id" uuid null, "application_id" uuid null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "application_draft" add constraint "application_draft_token_hash_unique" unique ("token_hash");`);
    this.addSql(`alter table "application_draft" add constraint "application_draft_application_id_unique" unique ("application_id");`);
    this.addSql(`create index "application_draft_updated_at_index" on "application_draft" ("updated_at");`);

    this.addSql(`alter table "applicant_group" add "host_name" varchar(200) null, add "host_contact_name" varchar(120) null, add "host_email" varchar(254) null, add "member_names" text[] null, add "referee_name" varchar(120) null, add "referee_organisation" varchar(200) null, add "referee_email" varchar(254) null;`);

    // Funds made before this migration get neutral values, and references carry on after the
    // applications they already have.
    this.addSql(`alter table "fund" add "area_description" varchar(200) not null default 'the area this fund covers', add "reference_prefix" varchar(6) not null default 'PF', add "last_reference_number" int not null default 0;`);
    this.addSql(`update "fund" set "last_reference_number" = (select count(*) from "application" where "application"."fund_id" = "fund"."id");`);
    this.addSql(`alter table "fund" alter column "area_description" drop default, alter column "reference_prefix" drop default;`);

    this.addSql(`alter table "application" add "description" text null, add "beneficiaries" text null, add "budget" text null;`);

    this.addSql(`alter table "application_draft" add constraint "application_draft_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "application_draft" add constraint "application_draft_phase_id_foreign" foreign key ("phase_id") references "phase" ("id");`);
    this.addSql(`alter table "application_draft" add constraint "application_draft_assisted_by_id_foreign" foreign key ("assisted_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "application_draft" add constraint "application_draft_application_id_foreign" foreign key ("application_id") references "application" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "application_draft" cascade;`);

    this.addSql(`alter table "applicant_group" drop column "host_name", drop column "host_contact_name", drop column "host_email", drop column "member_names", drop column "referee_name", drop column "referee_organisation", drop column "referee_email";`);

    this.addSql(`alter table "application" drop column "description", drop column "beneficiaries", drop column "budget";`);

    this.addSql(`alter table "fund" drop column "area_description", drop column "reference_prefix", drop column "last_reference_number";`);
  }

}
