import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161245_open_data_prefix extends Migration {

  override name = 'Migration20261123161245_open_data_prefix';

  override up(): void | Promise<void> {
    this.addSql(`alter table "fund" add "open_data_prefix" varchar(60) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "fund" drop column "open_data_prefix";`);
  }

}
