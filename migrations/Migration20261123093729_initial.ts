import { Migration } from '@mikro-orm/migrations';

export class Migration20261123093729_initial extends Migration {

  override name = 'Migration20261123093729_initial';

  override up(): void | Promise<void> {
    this.addSql(`create type "legal_form" as enum ('REGISTERED_CHARITY', 'CIO', 'CHARITABLE_COMPANY', 'CIC', 'COMPANY', 'CONSTITUTED_COMMUNITY_GROUP', 'UNCONSTITUTED_GROUP', 'SCHOOL_OR_PUBLIC_BODY');`);
    this.addSql(`create type "funder_kind" as enum ('COMMUNITY_FOUNDATION', 'CHARITABLE_TRUST', 'LOCAL_AUTHORITY', 'NHS_BODY', 'COMPANY', 'OTHER');`);
    this.addSql(`create type "email_status" as enum ('KEPT', 'QUEUED', 'SENDING', 'SENT', 'FAILED');`);
    this.addSql(`create type "phase_kind" as enum ('EMERGENCY', 'RECOVERY', 'OTHER');`);
    this.addSql(`create type "phase_status" as enum ('PLANNED', 'OPEN', 'CLOSED');`);
    this.addSql(`create type "application_status" as enum ('DRAFT', 'SUBMITTED', 'CHECKED', 'ON_AGENDA', 'DECIDED');`);
    this.addSql(`create type "fund_role" as enum ('COORDINATOR', 'FUNDER_OFFICER', 'PANELLIST', 'COMMUNITY_PANELLIST');`);
    this.addSql(`create table "applicant_group" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(200) not null, "legal_form" "legal_form" not null, "charity_number" varchar(20) null, "company_number" varchar(20) null, "postcode" varchar(8) null, "contact_name" varchar(120) not null, "contact_email" varchar(254) not null, "contact_phone" varchar(30) null, primary key ("id"));`);

    this.addSql(`create table "fund" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(120) not null, "slug" varchar(80) not null, "purpose" text not null, "currency" varchar(3) not null default 'GBP', "reserved_pence" int not null default 0, "unconstituted_cap_pence" int null, "panel_weekday" smallint not null, "panel_time" varchar(5) not null, "cutoff_hours_before" smallint not null, "is_demo" boolean not null default false, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`alter table "fund" add constraint "fund_slug_unique" unique ("slug");`);

    this.addSql(`create table "funder" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(160) not null, "kind" "funder_kind" not null, primary key ("id"));`);

    this.addSql(`create table "outbound_email" ("id" uuid not null, "created_at" timestamptz not null, "to_address" varchar(254) not null, "subject" varchar(200) not null, "body" text not null, "kind" varchar(40) not null, "status" "email_status" not null, "attempts" smallint not null default 0, "next_attempt_at" timestamptz not null, "sent_at" timestamptz null, "last_error" text null, primary key ("id"));`);
    this.addSql(`create index "outbound_email_status_next_attempt_at_index" on "outbound_email" ("status", "next_attempt_at");`);

    this.addSql(`create table "phase" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "name" varchar(80) not null, "kind" "phase_kind" not null, "position" smallint not null, "criteria" text not null, "min_award_pence" int not null, "max_award_pence" int not null, "status" "phase_status" not null default 'PLANNED', "opened_at" timestamptz null, "closed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "phase" add constraint "phase_fund_id_position_unique" unique ("fund_id", "position");`);

    this.addSql(`create table "contribution" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "funder_id" uuid not null, "amount_pence" int not null, "received_on" date not null, "restricted_to_priorities" text[] not null, "restricted_to_areas" text[] not null, "excludes_unconstituted" boolean not null default false, "restricted_to_phase_id" uuid null, "spend_by" date null, "note" text null, primary key ("id"));`);

    this.addSql(`create table "application" ("id" uuid not null, "created_at" timestamptz not null, "reference" varchar(20) not null, "fund_id" uuid not null, "phase_id" uuid not null, "group_id" uuid not null, "status" "application_status" not null default 'DRAFT', "title" varchar(200) not null, "summary" text not null, "amount_requested_pence" int not null, "assisted" boolean not null default false, "submitted_at" timestamptz null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "application" add constraint "application_reference_unique" unique ("reference");`);
    this.addSql(`create index "application_fund_id_status_index" on "application" ("fund_id", "status");`);

    this.addSql(`create table "sign_in_request" ("id" uuid not null, "created_at" timestamptz not null, "email_hash" varchar(64) not null, "ip" varchar(64) not null, primary key ("id"));`);
    this.addSql(`create index "sign_in_request_ip_created_at_index" on "sign_in_request" ("ip", "created_at");`);
    this.addSql(`create index "sign_in_request_email_hash_created_at_index" on "sign_in_request" ("email_hash", "created_at");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "email" varchar(254) not null, "name" varchar(120) not null, "last_signed_in_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "sign_in_token" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "sign_in_token" add constraint "sign_in_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "session" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" varchar(64) not null, "user_id" uuid not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(`create table "fund_membership" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "user_id" uuid not null, "funder_id" uuid null, "role" "fund_role" not null, primary key ("id"));`);
    this.addSql(`alter table "fund_membership" add constraint "fund_membership_fund_id_user_id_role_unique" unique ("fund_id", "user_id", "role");`);

    this.addSql(`create table "audit_event" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" uuid null, "action" varchar(60) not null, "entity_type" varchar(60) not null, "entity_id" varchar(60) not null, "fund_id" uuid null, "changes" jsonb not null);`);
    this.addSql(`create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`);
    this.addSql(`create index "audit_event_fund_id_at_index" on "audit_event" ("fund_id", "at");`);

    this.addSql(`alter table "phase" add constraint "phase_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);

    this.addSql(`alter table "contribution" add constraint "contribution_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "contribution" add constraint "contribution_funder_id_foreign" foreign key ("funder_id") references "funder" ("id");`);
    this.addSql(`alter table "contribution" add constraint "contribution_restricted_to_phase_id_foreign" foreign key ("restricted_to_phase_id") references "phase" ("id") on delete set null;`);

    this.addSql(`alter table "application" add constraint "application_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "application" add constraint "application_phase_id_foreign" foreign key ("phase_id") references "phase" ("id");`);
    this.addSql(`alter table "application" add constraint "application_group_id_foreign" foreign key ("group_id") references "applicant_group" ("id");`);

    this.addSql(`alter table "sign_in_token" add constraint "sign_in_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "fund_membership" add constraint "fund_membership_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "fund_membership" add constraint "fund_membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "fund_membership" add constraint "fund_membership_funder_id_foreign" foreign key ("funder_id") references "funder" ("id") on delete set null;`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "application" drop constraint "application_group_id_foreign";`);
    this.addSql(`alter table "phase" drop constraint "phase_fund_id_foreign";`);
    this.addSql(`alter table "contribution" drop constraint "contribution_fund_id_foreign";`);
    this.addSql(`alter table "application" drop constraint "application_fund_id_foreign";`);
    this.addSql(`alter table "fund_membership" drop constraint "fund_membership_fund_id_foreign";`);
    this.addSql(`alter table "contribution" drop constraint "contribution_funder_id_foreign";`);
    this.addSql(`alter table "fund_membership" drop constraint "fund_membership_funder_id_foreign";`);
    this.addSql(`alter table "contribution" drop constraint "contribution_restricted_to_phase_id_foreign";`);
    this.addSql(`alter table "application" drop constraint "application_phase_id_foreign";`);
    this.addSql(`alter table "sign_in_token" drop constraint "sign_in_token_user_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);
    this.addSql(`alter table "fund_membership" drop constraint "fund_membership_user_id_foreign";`);
    this.addSql(`alter table "audit_event" drop constraint "audit_event_actor_id_foreign";`);

    this.addSql(`drop table if exists "applicant_group" cascade;`);
    this.addSql(`drop table if exists "fund" cascade;`);
    this.addSql(`drop table if exists "funder" cascade;`);
    this.addSql(`drop table if exists "outbound_email" cascade;`);
    this.addSql(`drop table if exists "phase" cascade;`);
    this.addSql(`drop table if exists "contribution" cascade;`);
    this.addSql(`drop table if exists "application" cascade;`);
    this.addSql(`drop table if exists "sign_in_request" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "sign_in_token" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "fund_membership" cascade;`);
    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop type "legal_form";`);
    this.addSql(`drop type "funder_kind";`);
    this.addSql(`drop type "email_status";`);
    this.addSql(`drop type "phase_kind";`);
    this.addSql(`drop type "phase_status";`);
    this.addSql(`drop type "application_status";`);
    this.addSql(`drop type "fund_role";`);
  }

}
