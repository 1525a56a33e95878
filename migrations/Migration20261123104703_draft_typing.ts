import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104703_draft_typing extends Migration {

  override name = 'Migration20261123104703_draft_typing';

  override up(): void | Promise<void> {
    this.addSql(`alter table "application_draft" add "typing" jsonb not null default '{}';`);
    this.addSql(`alter table "application_draft" alter column "typing" drop default;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "application_draft" drop column "typing";`);
  }

}
