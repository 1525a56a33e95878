import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../db/base.entity.ts';

/**
 * Every request for a sign-in link, known address or not, so the rate limit treats both alike and
 * holds across server processes. The address is stored only as a hash.
 */
@Entity()
@Index({ properties: ['emailHash', 'createdAt'] })
@Index({ properties: ['ip', 'createdAt'] })
export class SignInRequest extends BaseEntity {
  @Property({ length: 64 })
  emailHash!: string;

  @Property({ length: 64 })
  ip!: string;
}
