import type { EntityManager } from '@mikro-orm/postgresql';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AreaKind } from '../../../shared/domain.ts';
import type { Context } from '../../context.ts';
import { AreaImport } from './area-import.entity.ts';
import { Area } from './area.entity.ts';
import { countAreas, findArea, listAreaImports, listAreas, lookUpPostcode } from './area.service.ts';

@ObjectType({ description: 'How many areas of one kind there are, and how many have each figure.' })
class AreaKindCount {
  @Field(() => AreaKind) kind!: AreaKind;
  @Field(() => Int) areas!: number;
  @Field(() => Int, { description: 'Areas with a boundary to draw.' }) withBoundary!: number;
  @Field(() => Int) withPopulation!: number;
  @Field(() => Int, { description: 'Areas with an IMD rank and decile.' }) withDeprivation!: number;
  @Field(() => Int, { description: 'Generated demo areas, not real places.' }) demo!: number;
}

@ObjectType({ description: 'What the portal knows of geography: areas by kind, and postcodes in the lookup.' })
class AreaSummary {
  @Field(() => [AreaKindCount], { description: 'Every kind of area, in the order LSOA, ward, local authority.' }) kinds!: AreaKindCount[];
  @Field(() => Int, { description: 'Postcodes in the postcode lookup.' }) postcodes!: number;
}

@ObjectType({ description: 'The areas a postcode is in, from the postcode lookup. An area is empty when its code is not among the imported areas.' })
class PostcodeAreas {
  @Field({ description: 'The postcode, normalised: "CA1 2AB".' }) postcode!: string;
  @Field(() => String, { nullable: true }) lsoaCode!: string | null;
  @Field(() => String, { nullable: true }) wardCode!: string | null;
  @Field(() => String, { nullable: true }) localAuthorityCode!: string | null;
  @Field(() => Area, { nullable: true }) lsoa!: Area | null;
  @Field(() => Area, { nullable: true }) ward!: Area | null;
  @Field(() => Area, { nullable: true }) localAuthority!: Area | null;
}

/** Whether the query asks for boundaries anywhere below this field, so they load with the areas (they are lazy). */
export function asksForGeometry(info: GraphQLResolveInfo): boolean {
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === 'geometry' || visit(selection.selectionSet, seen);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet, seen);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      return visit(info.fragments[name]?.selectionSet, seen);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, new Set()));
}

async function boundaryOf(em: EntityManager, area: Area) {
  if (area.areaKm2 === null || area.areaKm2 === undefined) return null;
  // Loaded with the list when the query asked for it; otherwise for this area alone.
  if (area.geometry === undefined) await em.populate(area, ['geometry']);
  return area.geometry ?? null;
}

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => [Area], { description: 'Areas by kind and local authority, by code. Public statistics: anyone may read them.' })
  areas(
    @Ctx() { em }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('kind', () => AreaKind, { nullable: true }) kind?: AreaKind,
    @Arg('localAuthority', () => String, { nullable: true, description: "A local authority's code: its LSOAs and wards, and itself." }) localAuthority?: string,
  ) {
    return listAreas(em, { kind, localAuthority }, { withGeometry: asksForGeometry(info) });
  }

  @Query(() => Area, { nullable: true, description: 'One area by its ONS code.' })
  area(@Arg('code') code: string, @Ctx() { em }: Context, @Info() info: GraphQLResolveInfo) {
    return findArea(em, code, { withGeometry: asksForGeometry(info) });
  }

  @Query(() => PostcodeAreas, { nullable: true, description: 'The areas a postcode is in; empty when the postcode lookup does not have it (then choose areas from the list).' })
  postcodeArea(@Arg('postcode') postcode: string, @Ctx() { em }: Context, @Info() info: GraphQLResolveInfo) {
    return lookUpPostcode(em, postcode, { withGeometry: asksForGeometry(info) });
  }

  @Query(() => AreaSummary, { description: 'Areas by kind with how many have a boundary, population and deprivation, and the postcodes in the lookup.' })
  areaSummary(@Ctx() { em }: Context) {
    return countAreas(em);
  }

  @Authorized()
  @Query(() => [AreaImport], { description: 'Area files imported, newest first. Fund coordinators only.' })
  areaImports(@Ctx() { em, viewer }: Context, @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50) {
    return listAreaImports(em, viewer, limit);
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: 'The boundary as a GeoJSON Polygon or MultiPolygon in longitude and latitude (5 decimal places), wound as d3-geo draws it; empty until boundaries are imported.' })
  geometry(@Root() area: Area, @Ctx() { em }: Context) {
    return boundaryOf(em, area);
  }

  @FieldResolver(() => [Float], { nullable: true, description: 'The centre of the boundary as [longitude, latitude] (a point inside it where the centroid falls outside), for labels; empty without a boundary.' })
  centroid(@Root() area: Area) {
    return area.centroidLon !== null && area.centroidLon !== undefined && area.centroidLat !== null && area.centroidLat !== undefined ? [area.centroidLon, area.centroidLat] : null;
  }
}

@Resolver(() => AreaImport)
export class AreaImportResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who imported the file; empty when it was imported with the command.' })
  importedBy(@Root() batch: AreaImport) {
    return batch.importedBy?.name ?? null;
  }
}
