import { IsIn, IsObject, Length } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { isPageId, journey, PAGES, type ApplyPageId } from '../../../shared/apply/questions.ts';
import type { Context } from '../../context.ts';
import { errors } from '../../errors.ts';
import { nextPanel } from '../funds/fund.service.ts';
import type { ApplicationDraft } from './application-draft.entity.ts';
import { checkSentApplication } from '../duplicates/duplicates.service.ts';
import { Priority } from '../taxonomy/priority.entity.ts';
import { eligibilityOf, findDraft, findOpenFund, offeredPriorities, savePage, startDraft, submitDraft } from './apply.service.ts';

@ObjectType({ description: 'What anyone may know about a fund that is taking applications.' })
class PublicFund {
  @Field() slug!: string;
  @Field() name!: string;
  @Field() purpose!: string;
  @Field() areaDescription!: string;
  @Field() phaseName!: string;
  @Field() phaseCriteria!: string;
  @Field(() => Int) minAwardPence!: number;
  @Field(() => Int) maxAwardPence!: number;
  @Field(() => Int, { nullable: true }) unconstitutedCapPence?: number;
  @Field({ description: 'When the panel next decides (UTC).' }) nextPanelAt!: Date;
  @Field({ description: 'True for the fictional demonstration fund.' }) isDemo!: boolean;
  @Field(() => [Priority], { description: 'The priorities a group may choose on the priorities page: the fund’s own, less those retired.' }) priorities!: Priority[];
}

@ObjectType({ description: 'The eligibility check: a clear yes, or the reasons this fund cannot help.' })
class EligibilityResult {
  @Field() eligible!: boolean;
  @Field(() => [String]) reasons!: string[];
}

@ObjectType({ description: 'An application being filled in, seen by whoever holds its token.' })
class DraftView {
  @Field() fundSlug!: string;
  @Field() fundName!: string;
  @Field(() => GraphQLJSONObject, { description: 'Saved answers, page by page.' }) answers!: Record<string, unknown>;
  @Field(() => [String], { description: 'The pages this application goes through, in order.' }) pages!: string[];
  @Field(() => EligibilityResult, { nullable: true }) eligibility?: EligibilityResult;
  @Field({ nullable: true, description: 'Set once the application has been sent.' }) reference?: string;
}

@ObjectType()
class StartedApplication {
  @Field({ description: 'Secret that opens this draft; keep it like a password.' }) token!: string;
  @Field(() => DraftView) draft!: DraftView;
}

@ObjectType()
class SubmittedApplication {
  @Field() reference!: string;
}

@InputType()
class SaveApplicationPageInput {
  @Field() @Length(20, 100, { message: 'This application link is not complete.' }) token!: string;
  @Field() @IsIn(Object.keys(PAGES), { message: 'There is no such page in the application.' }) page!: string;
  @Field(() => GraphQLJSONObject) @IsObject({ message: 'Send the answers as an object.' }) answers!: Record<string, unknown>;
}

function view(draft: ApplicationDraft): DraftView {
  const eligibility = eligibilityOf(draft);
  return {
    fundSlug: draft.fund.slug,
    fundName: draft.fund.name,
    answers: draft.answers,
    pages: journey(draft.answers, draft.fund),
    eligibility: eligibility ? { eligible: eligibility.eligible, reasons: eligibility.eligible ? [] : eligibility.reasons } : undefined,
    reference: draft.application?.reference,
  };
}

@Resolver()
export class ApplyResolver {
  @Query(() => PublicFund, { description: 'A fund taking applications, by its slug. No sign-in needed.' })
  async publicFund(@Arg('slug') slug: string, @Ctx() { em }: Context): Promise<PublicFund> {
    const { fund, phase } = await findOpenFund(em, slug);
    return {
      slug: fund.slug,
      name: fund.name,
      purpose: fund.purpose,
      areaDescription: fund.areaDescription,
      phaseName: phase.name,
      phaseCriteria: phase.criteria,
      minAwardPence: phase.minAwardPence,
      maxAwardPence: phase.maxAwardPence,
      unconstitutedCapPence: fund.unconstitutedCapPence,
      nextPanelAt: nextPanel(fund).meetsAt,
      isDemo: fund.isDemo,
      priorities: await offeredPriorities(em, fund.id),
    };
  }

  @Mutation(() => StartedApplication, { description: 'Starts an application to the open phase of a fund. No sign-in needed.' })
  async startApplication(
    @Arg('fundSlug') fundSlug: string,
    @Ctx() { em, viewer }: Context,
    @Arg('assisted', { defaultValue: false, description: 'A funder officer filling it in for a group, e.g. by phone.' }) assisted: boolean,
  ): Promise<StartedApplication> {
    const { draft, token } = await startDraft(em, fundSlug, assisted ? { assistedBy: viewer } : {});
    return { token, draft: view(draft) };
  }

  @Query(() => DraftView, { description: 'The application that this token opens.' })
  async applicationDraft(@Arg('token') token: string, @Ctx() { em }: Context) {
    return view(await findDraft(em, token));
  }

  @Mutation(() => DraftView, { description: 'Saves one page of answers; refuses bad answers with a message per field.' })
  async saveApplicationPage(@Arg('input') input: SaveApplicationPageInput, @Ctx() { em }: Context) {
    if (!isPageId(input.page)) throw errors.badInput([{ field: 'page', message: 'There is no such page in the application.' }]);
    const result = await savePage(em, input.token, input.page as ApplyPageId, input.answers);
    if (!result.ok) throw errors.badInput(result.errors);
    return view(result.draft);
  }

  @Mutation(() => SubmittedApplication, { description: 'Sends the application. Sending twice gives the same reference.' })
  async submitApplication(@Arg('token') token: string, @Ctx() { em, mailer, config, req }: Context) {
    const application = await submitDraft(em, mailer, token, config.publicUrl);
    await checkSentApplication(em, application.id, req.log);
    return { reference: application.reference };
  }
}
