import { Migration } from '@mikro-orm/migrations';

export class Migration20261123192156_match_record_postcode_written extends Migration {

  override name = 'Migration20261123192156_match_record_postcode_written';

  override up(): void | Promise<void> {
    // Each server's name index (server/modules/duplicates/fund-names.ts) now holds every record's
    // postcode beside its core name, to rank namesakes by place before reading them, so a new postcode
    // (which changes the record's keys) must be read as a new name is.
    this.addSql(`create or replace function match_record_name_written() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' or new.name_core is distinct from old.name_core or new.keys is distinct from old.keys
            or new.fund_id is distinct from old.fund_id then
          new.name_txid := pg_current_xact_id()::text::bigint;
        end if;
        return new;
      end
    $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create or replace function match_record_name_written() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' or new.name_core is distinct from old.name_core or new.fund_id is distinct from old.fund_id then
          new.name_txid := pg_current_xact_id()::text::bigint;
        end if;
        return new;
      end
    $$;`);
  }

}
