import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { DraftAnswers } from '../../../shared/apply/questions.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Phase } from '../funds/phase.entity.ts';
import { User } from '../users/user.entity.ts';
import { Application } from './application.entity.ts';

/**
 * An application being filled in. A group has no account: whoever holds the draft's secret token
 * (in a cookie on their device, or in the "come back later" email link) can carry on. Answers are
 * kept page by page as they are saved, so nothing typed and sent is lost.
 */
@Entity()
@Index({ properties: ['updatedAt'] })
export class ApplicationDraft extends BaseEntity<'answers' | 'updatedAt' | 'remindersSent' | 'typing'> {
  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @ManyToOne(() => Phase)
  phase!: Rel<Phase>;

  @Property({ type: 'json' })
  answers: DraftAnswers = {};

  /**
   * What was typed on a page and saved as the person typed, before they pressed continue: not yet
   * checked, so kept apart from the answers, and shown again if they come back to the page.
   */
  @Property({ type: 'json' })
  typing: DraftAnswers = {};

  /** Set when a funder officer fills the application in for a group, e.g. over the phone. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  assistedBy?: Rel<User>;

  @OneToOne(() => Application, { nullable: true, owner: true, unique: true })
  application?: Rel<Application>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();

  /** Where to warn that an untouched draft will be deleted: the contact's address, or the one given to come back later. */
  @Property({ length: 254, nullable: true })
  reminderEmail?: string;

  /** How many of the three deletion warnings (30, 7 and 1 days before) have gone. */
  @Property({ type: 'smallint' })
  remindersSent: number = 0;
}
