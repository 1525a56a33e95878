import { ref } from '@mikro-orm/core';
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { canOnApplication } from '../../policies/application.policy.ts';
import { Phase } from '../funds/phase.entity.ts';
import { ApplicantGroup } from './applicant-group.entity.ts';
import { Application } from './application.entity.ts';
import { GroupConfirmation } from './group-confirmation.entity.ts';

@ObjectType({ description: "How to reach a group. Personal data: only funders' staff receive it." })
export class GroupContact {
  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true, description: 'Normalised postcode, e.g. CA1 1AA.' })
  postcode?: string;
}

// Relations load through MikroORM's dataloader, so a list of applications costs one query per relation.
@Resolver(() => Application)
export class ApplicationResolver {
  @FieldResolver(() => ApplicantGroup)
  group(@Root() application: Application) {
    return ref(application.group).loadOrFail();
  }

  @FieldResolver(() => Phase)
  phase(@Root() application: Application) {
    return ref(application.phase).loadOrFail();
  }

  @FieldResolver(() => [GroupConfirmation], {
    nullable: true,
    description: "Answers from an unconstituted group's host or referee; null for people who may not see personal data.",
  })
  confirmations(@Root() application: Application, @Ctx() { viewer, loaders }: Context) {
    if (!canOnApplication(viewer, 'readContact', application)) return null;
    return loaders.confirmations.load(application.id);
  }

  @FieldResolver(() => GroupContact, {
    nullable: true,
    description: 'The group contact; null for people who may not see personal data (community panellists).',
  })
  async contact(@Root() application: Application, @Ctx() { viewer }: Context): Promise<GroupContact | null> {
    if (!canOnApplication(viewer, 'readContact', application)) return null;
    const group = await ref(application.group).loadOrFail();
    return { name: group.contactName, email: group.contactEmail, phone: group.contactPhone, postcode: group.postcode };
  }
}
