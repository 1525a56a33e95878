import { Migration } from '@mikro-orm/migrations';

export class Migration20261123121520_pack_cache_versions extends Migration {

  override name = 'Migration20261123121520_pack_cache_versions';

  override up(): void | Promise<void> {
    this.addSql(`create table "fund_data_version" ("fund_id" uuid not null, "version" bigint not null, primary key ("fund_id"));`);

    // Raises the fund's counter in the same transaction as the change, so the new counter becomes
    // visible exactly when the change does. Each row names its fund directly or through its parent.
    // The triggers are deferred to commit: the counter's row is then the last lock a transaction takes,
    // so it can never be held while waiting for another row (a contribution being edited, say), which
    // deadlocked when the counter was raised at once.
    this.addSql(`create function bump_fund_data_version(changed_table text, changed jsonb) returns void language sql as $$
      insert into fund_data_version (fund_id, version)
        select distinct fund_id, 1 from (
          select (changed->>'id')::uuid as fund_id where changed_table = 'fund'
          union all select (changed->>'fund_id')::uuid where changed_table in ('phase', 'contribution', 'fund_membership', 'panel_meeting')
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
    this.addSql(`create function fund_data_changed() returns trigger language plpgsql as $$
      begin
        if TG_OP <> 'DELETE' then perform bump_fund_data_version(TG_TABLE_NAME, to_jsonb(NEW)); end if;
        if TG_OP <> 'INSERT' then perform bump_fund_data_version(TG_TABLE_NAME, to_jsonb(OLD)); end if;
        return null;
      end $$;`);
    for (const table of ['fund', 'phase', 'contribution', 'fund_membership', 'panel_meeting', 'application', 'score', 'conflict_of_interest', 'decision', 'award_draw', 'payment']) {
      this.addSql(`create constraint trigger "${table}_fund_data_changed" after insert or update or delete on "${table}" deferrable initially deferred for each row execute function fund_data_changed();`);
    }
    // Only the columns a pack shows: signing in touches app_user, and that must not empty the cache.
    this.addSql(`create constraint trigger "applicant_group_fund_data_changed" after update of name, legal_form on "applicant_group" deferrable initially deferred for each row execute function fund_data_changed();`);
    this.addSql(`create constraint trigger "funder_fund_data_changed" after update of name on "funder" deferrable initially deferred for each row execute function fund_data_changed();`);
    this.addSql(`create constraint trigger "app_user_fund_data_changed" after update of name, email on "app_user" deferrable initially deferred for each row execute function fund_data_changed();`);
  }

  override down(): void | Promise<void> {
    for (const table of ['fund', 'phase', 'contribution', 'fund_membership', 'panel_meeting', 'application', 'score', 'conflict_of_interest', 'decision', 'award_draw', 'payment', 'applicant_group', 'funder', 'app_user']) {
      this.addSql(`drop trigger if exists "${table}_fund_data_changed" on "${table}";`);
    }
    this.addSql(`drop function if exists fund_data_changed();`);
    this.addSql(`drop function if exists bump_fund_data_version(text, jsonb);`);
    this.addSql(`drop table if exists "fund_data_version" cascade;`);
  }

}
