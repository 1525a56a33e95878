import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReportingRequirement } from '../../../shared/reporting.ts';
import { BaseEntity } from '../../db/base.entity.ts';
import { Application } from '../applications/application.entity.ts';
import { Decision } from '../panels/decision.entity.ts';

export enum Payee {
  GROUP = 'GROUP',
  HOST = 'HOST',
}

export enum PaymentStatus {
  DUE = 'DUE',
  PAID = 'PAID',
}

registerEnumType(Payee, { name: 'Payee', description: 'Who receives the money: the group, or its host organisation.' });
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });
registerEnumType(ReportingRequirement, { name: 'ReportingRequirement' });

/** An award made real when its meeting closes: the money, who it is paid to, and what to report. */
@ObjectType({ description: 'A grant: an award once its meeting has closed.' })
// "grant" is an SQL keyword; a table of that name needs quoting in every hand-written query.
@Entity({ tableName: 'fund_grant' })
export class Grant extends BaseEntity<'version'> {
  @OneToOne(() => Application, { owner: true, unique: true, deleteRule: 'cascade' })
  application!: Rel<Application>;

  @OneToOne(() => Decision, { owner: true, unique: true, deleteRule: 'cascade' })
  decision!: Rel<Decision>;

  @Field(() => Int)
  @Property()
  amountPence!: number;

  @Field(() => Payee)
  @Enum({ items: () => Payee, nativeEnumName: 'payee' })
  payee!: Payee;

  @Field({ description: 'The organisation paid: the group, or its host.' })
  @Property({ length: 200 })
  payeeName!: string;

  @Field(() => ReportingRequirement, { description: "What the group is asked to report: fixed from the fund's policy at award, changeable for this grant." })
  @Enum({ items: () => ReportingRequirement, nativeEnumName: 'reporting_requirement' })
  reporting!: ReportingRequirement;

  @Field({ nullable: true, description: 'The day the report is due (YYYY-MM-DD, London); none when no report is asked.' })
  @Property({ type: 'date', nullable: true })
  reportDueOn?: string;

  @Field(() => Int, { description: 'Send it back when you change the grant’s reporting, so no one overwrites a change they did not see.' })
  @Property({ version: true })
  version: number = 1;
}

@ObjectType({ description: 'A payment of a grant.' })
@Entity()
export class Payment extends BaseEntity<'status' | 'paidAt'> {
  @ManyToOne(() => Grant, { deleteRule: 'cascade' })
  grant!: Rel<Grant>;

  @Field(() => Int)
  @Property()
  amountPence!: number;

  @Field(() => PaymentStatus)
  @Enum({ items: () => PaymentStatus, nativeEnumName: 'payment_status' })
  status: PaymentStatus = PaymentStatus.DUE;

  @Field({ nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  paidAt?: Date;
}
