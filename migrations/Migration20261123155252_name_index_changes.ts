import { Migration } from '@mikro-orm/migrations';

export class Migration20261123155252_name_index_changes extends Migration {

  override name = 'Migration20261123155252_name_index_changes';

  override up(): void | Promise<void> {
    // Alike names now come from each server's in-memory index (server/modules/duplicates/fund-names.ts),
    // which reads the names changed since it last looked: the transaction that wrote each core name.
    this.addSql(`drop index "match_record_name_trgm";`);
    this.addSql(`alter table "match_record" add "name_txid" bigint not null default 0;`);
    this.addSql(`alter table "match_record" alter column "name_txid" drop default;`);
    this.addSql(`create index "match_record_fund_id_name_txid_index" on "match_record" ("fund_id", "name_txid");`);
    this.addSql(`create function match_record_name_written() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' or new.name_core is distinct from old.name_core or new.fund_id is distinct from old.fund_id then
          new.name_txid := pg_current_xact_id()::text::bigint;
        end if;
        return new;
      end
    $$;`);
    this.addSql(`create trigger "match_record_name_written" before insert or update on "match_record" for each row execute function match_record_name_written();`);

    // A check writes a record's flags in one statement, and a batch a thousand at a time: the pack
    // cache's version is bumped once per statement and fund instead of once per flag at commit.
    this.addSql(`drop trigger "duplicate_flag_fund_data_changed" on "duplicate_flag";`);
    this.addSql(`create function duplicate_flags_changed() returns trigger language plpgsql as $$
      begin
        insert into fund_data_version (fund_id, version)
          select distinct fund_id, 1 from changed_flags
        on conflict (fund_id) do update set version = fund_data_version.version + 1;
        return null;
      end
    $$;`);
    this.addSql(`create trigger "duplicate_flag_inserted" after insert on "duplicate_flag" referencing new table as changed_flags for each statement execute function duplicate_flags_changed();`);
    this.addSql(`create trigger "duplicate_flag_updated" after update on "duplicate_flag" referencing new table as changed_flags for each statement execute function duplicate_flags_changed();`);
    this.addSql(`create trigger "duplicate_flag_deleted" after delete on "duplicate_flag" referencing old table as changed_flags for each statement execute function duplicate_flags_changed();`);
  }

  override down(): void | Promise<void> {
    for (const change of ['inserted', 'updated', 'deleted']) this.addSql(`drop trigger if exists "duplicate_flag_${change}" on "duplicate_flag";`);
    this.addSql(`drop function if exists duplicate_flags_changed();`);
    this.addSql(`create constraint trigger "duplicate_flag_fund_data_changed" after insert or update or delete on "duplicate_flag" deferrable initially deferred for each row execute function fund_data_changed();`);
    this.addSql(`drop trigger if exists "match_record_name_written" on "match_record";`);
    this.addSql(`drop function if exists match_record_name_written();`);
    this.addSql(`drop index "match_record_fund_id_name_txid_index";`);
    this.addSql(`alter table "match_record" drop column "name_txid";`);
    this.addSql(`create index "match_record_name_trgm" on "match_record" using gin ("name_core" gin_trgm_ops);`);
  }

}
