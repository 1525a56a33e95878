import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../db/base.entity.ts';
import { Funder } from '../funders/funder.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { User } from '../users/user.entity.ts';
import { Priority } from './priority.entity.ts';

/**
 * A funder's focus in one fund: a priority it means to fund, so that funders sharing a pool can see
 * where they crowd together and what nobody is funding.
 */
@Entity()
@Unique({ properties: ['fund', 'funder', 'priority'] })
@Index({ properties: ['priority'] })
export class FunderFocus extends BaseEntity {
  @ManyToOne(() => Fund, { deleteRule: 'cascade' })
  fund!: Rel<Fund>;

  @ManyToOne(() => Funder, { deleteRule: 'cascade' })
  funder!: Rel<Funder>;

  @ManyToOne(() => Priority, { deleteRule: 'cascade' })
  priority!: Rel<Priority>;

  /** Who marked it; kept for the record, the audit log holds every change. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  markedBy?: Rel<User>;
}
