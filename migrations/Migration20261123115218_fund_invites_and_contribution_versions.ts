import { Migration } from '@mikro-orm/migrations';

export class Migration20261123115218_fund_invites_and_contribution_versions extends Migration {

  override name = 'Migration20261123115218_fund_invites_and_contribution_versions';

  override up(): void | Promise<void> {
    this.addSql(`create table "fund_invite" ("id" uuid not null, "created_at" timestamptz not null, "fund_id" uuid not null, "email" varchar(254) not null, "name" varchar(120) not null, "role" "fund_role" not null, "funder_id" uuid null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "invited_by_id" uuid not null, "accepted_at" timestamptz null, "accepted_by_id" uuid null, "revoked_at" timestamptz null, "revoked_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "fund_invite" add constraint "fund_invite_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "fund_invite_fund_id_created_at_index" on "fund_invite" ("fund_id", "created_at");`);

    this.addSql(`alter table "contribution" add "version" int not null default 1;`);

    this.addSql(`alter table "fund_invite" add constraint "fund_invite_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on delete cascade;`);
    this.addSql(`alter table "fund_invite" add constraint "fund_invite_funder_id_foreign" foreign key ("funder_id") references "funder" ("id") on delete set null;`);
    this.addSql(`alter table "fund_invite" add constraint "fund_invite_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "fund_invite" add constraint "fund_invite_accepted_by_id_foreign" foreign key ("accepted_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "fund_invite" add constraint "fund_invite_revoked_by_id_foreign" foreign key ("revoked_by_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "fund_invite" cascade;`);

    this.addSql(`alter table "contribution" drop column "version";`);
  }

}
